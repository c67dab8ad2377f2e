package io.quotaflow.activity.owners;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored CRM owner mappings by {@code source|ownerId}. */
interface CrmOwners extends MongoRepository<CrmOwner, String> {
}
