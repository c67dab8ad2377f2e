package io.quotaflow.platform.security;

import io.quotaflow.platform.web.Correlation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.TreeMap;

/** Answers with the identity the service sees in the token: a support tool for clients and gateways. */
@RestController
class WhoAmIController {

    @Value("${spring.application.name}")
    private String service;

    @GetMapping("${quotaflow.security.whoami-path:/api/whoami}")
    Map<String, Object> whoAmI(Caller caller) {
        Map<String, Object> body = new TreeMap<>();
        body.put("service", service);
        body.put("subject", caller.subject());
        body.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        if (caller.repId() != null) {
            body.put("repId", caller.repId());
        }
        body.put("teamIds", caller.teamIds().stream().sorted().toList());
        Correlation.current().ifPresent(id -> body.put("correlationId", id));
        return body;
    }
}
