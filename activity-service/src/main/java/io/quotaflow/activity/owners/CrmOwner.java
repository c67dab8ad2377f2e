package io.quotaflow.activity.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A CRM user mapped to the rep they are (collection {@code crm_owners}, {@code _id} = {@code source|ownerId}).
 *
 * @param source  the CRM, as activities name it ({@code hubspot}, {@code salesforce}, …)
 * @param ownerId the user's id in that CRM (a HubSpot owner id, a Salesforce user id)
 */
@Document("crm_owners")
public record CrmOwner(@Id String id, String source, String ownerId, String repId, Instant updatedAt,
                       String updatedBy) {

    public static String idOf(String source, String ownerId) {
        return source + "|" + ownerId;
    }
}
