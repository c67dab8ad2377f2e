package io.quotaflow.target.org.web;

import io.quotaflow.platform.security.Caller;
import io.quotaflow.target.org.ImportResult;
import io.quotaflow.target.org.OrgService;
import io.quotaflow.target.org.ProductLine;
import io.quotaflow.target.org.ProductLineInput;
import io.quotaflow.target.org.Region;
import io.quotaflow.target.org.RegionInput;
import io.quotaflow.target.org.Rep;
import io.quotaflow.target.org.RepInput;
import io.quotaflow.target.org.Team;
import io.quotaflow.target.org.TeamInput;
import io.quotaflow.target.org.Upserted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

/** The sales org over HTTP; who may do what is decided by {@link OrgService}. */
@RestController
@RequestMapping("/api/org")
class OrgController {

    private final OrgService org;

    OrgController(OrgService org) {
        this.org = org;
    }

    /**
     * Publishes every region, product line, team and rep again on the sales-org topic (for a consumer that lost
     * its projection); answered at once, the relay publishes within seconds.
     */
    @PostMapping("/republish")
    ResponseEntity<java.util.Map<String, Long>> republish(Caller caller) {
        return ResponseEntity.accepted().body(java.util.Map.of("entities", org.republish(caller)));
    }

    @PutMapping("/regions/{id}")
    ResponseEntity<Region> putRegion(Caller caller, @PathVariable String id, @RequestBody RegionInput region) {
        return upserted(org.put(caller, id, region));
    }

    @GetMapping("/regions/{id}")
    Region region(Caller caller, @PathVariable String id) {
        return org.region(caller, id);
    }

    @GetMapping("/regions")
    List<Region> regions(Caller caller) {
        return org.regions(caller);
    }

    @PostMapping(path = "/regions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importRegions(Caller caller, @RequestParam MultipartFile file,
                               @RequestParam(defaultValue = "false") boolean dryRun) {
        return org.importRegions(caller, file, dryRun);
    }

    @PutMapping("/product-lines/{id}")
    ResponseEntity<ProductLine> putProductLine(Caller caller, @PathVariable String id,
                                               @RequestBody ProductLineInput line) {
        return upserted(org.put(caller, id, line));
    }

    @GetMapping("/product-lines/{id}")
    ProductLine productLine(Caller caller, @PathVariable String id) {
        return org.productLine(caller, id);
    }

    @GetMapping("/product-lines")
    List<ProductLine> productLines(Caller caller) {
        return org.productLines(caller);
    }

    @PostMapping(path = "/product-lines/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importProductLines(Caller caller, @RequestParam MultipartFile file,
                                    @RequestParam(defaultValue = "false") boolean dryRun) {
        return org.importProductLines(caller, file, dryRun);
    }

    @PutMapping("/teams/{id}")
    ResponseEntity<Team> putTeam(Caller caller, @PathVariable String id, @RequestBody TeamInput team) {
        return upserted(org.put(caller, id, team));
    }

    @GetMapping("/teams/{id}")
    Team team(Caller caller, @PathVariable String id) {
        return org.team(caller, id);
    }

    @GetMapping("/teams")
    List<Team> teams(Caller caller, @RequestParam(required = false) String regionId) {
        return org.teams(caller, regionId);
    }

    @PostMapping(path = "/teams/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importTeams(Caller caller, @RequestParam MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean dryRun) {
        return org.importTeams(caller, file, dryRun);
    }

    @PutMapping("/reps/{id}")
    ResponseEntity<Rep> putRep(Caller caller, @PathVariable String id, @RequestBody RepInput rep) {
        return upserted(org.put(caller, id, rep));
    }

    @GetMapping("/reps/{id}")
    Rep rep(Caller caller, @PathVariable String id) {
        return org.rep(caller, id);
    }

    @GetMapping("/reps")
    List<Rep> reps(Caller caller, @RequestParam(required = false) String teamId) {
        return org.reps(caller, teamId);
    }

    @PostMapping(path = "/reps/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importReps(Caller caller, @RequestParam MultipartFile file,
                            @RequestParam(defaultValue = "false") boolean dryRun) {
        return org.importReps(caller, file, dryRun);
    }

    /**
     * 201 with the entity's location when the PUT created it, 200 when it replaced it. The location is the
     * path the PUT was sent to, relative: behind the gateway this service does not know the public host.
     */
    private static <T> ResponseEntity<T> upserted(Upserted<T> upserted) {
        if (!upserted.created()) {
            return ResponseEntity.ok(upserted.entity());
        }
        URI location = URI.create(ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath());
        return ResponseEntity.created(location).body(upserted.entity());
    }
}
