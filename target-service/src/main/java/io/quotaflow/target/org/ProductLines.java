package io.quotaflow.target.org;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProductLines extends MongoRepository<ProductLine, String> {
}
