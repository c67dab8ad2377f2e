package io.quotaflow.platform.org;

/** The org of a fixed set of entities (see {@link OrgDirectory#of}). */
final class FixedOrgDirectory extends SnapshotDirectory {

    private final OrgSnapshot snapshot;

    FixedOrgDirectory(OrgSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    OrgSnapshot current() {
        return snapshot;
    }
}
