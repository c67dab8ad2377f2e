package io.quotaflow.target.decomposition;

/** Named orgs that tests share. */
final class OrgMother {

    private OrgMother() {
    }

    /**
     * Three product lines (margin × priority 1 : 2 : 1); a mature East growing 5 % and an emerging
     * West growing 20 %, each with one team of three fully ramped reps: East 100, 100 and 200 of
     * capacity, West 100 each.
     */
    static OrgSnapshot eastAndWestWithSixReps() {
        return eastAndWest().build();
    }

    /** {@link #eastAndWestWithSixReps()}, to add to. */
    static OrgBuilder eastAndWest() {
        return OrgBuilder.anOrg()
                .productLine("hardware", "0.20", 5)
                .productLine("services", "0.25", 4)
                .productLine("software", "0.50", 4)
                .region("east", MarketType.MATURE, "0.05")
                .region("west", MarketType.EMERGING, "0.20")
                .team("east-1", "east")
                .team("west-1", "west")
                .rep("anna", "east-1", "100")
                .rep("ben", "east-1", "100")
                .rep("carl", "east-1", "200")
                .rep("dana", "west-1", "100")
                .rep("eve", "west-1", "100")
                .rep("finn", "west-1", "100");
    }

    /** A company with no product lines and no regions: its target has nowhere to go. */
    static OrgSnapshot empty() {
        return OrgBuilder.anOrg().build();
    }
}
