package io.quotaflow.target.org;

import org.springframework.data.mongodb.core.mapping.Document;

/** A sales team in a region, led by a manager (the manager's user id, as in the token's {@code sub}). */
@Document("teams")
public record Team(String id, String name, String regionId, String managerId) {
}
