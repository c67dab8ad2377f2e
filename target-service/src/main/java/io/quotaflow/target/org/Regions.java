package io.quotaflow.target.org;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Regions extends MongoRepository<Region, String> {
}
