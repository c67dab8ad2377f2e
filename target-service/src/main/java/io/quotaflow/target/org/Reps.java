package io.quotaflow.target.org;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface Reps extends MongoRepository<Rep, String> {

    List<Rep> findByTeamId(String teamId, Sort sort);
}
