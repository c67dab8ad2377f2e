package io.quotaflow.target.org;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface Teams extends MongoRepository<Team, String> {

    List<Team> findByRegionId(String regionId, Sort sort);
}
