package io.quotaflow.activity.owners.web;

import io.quotaflow.activity.owners.CrmOwner;
import io.quotaflow.activity.owners.OwnerMappings;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** CRM user → rep mappings: {@code PUT /api/crm/owners/{source}/{ownerId}} {@code {"repId"}}. */
@RestController
@RequestMapping("/api/crm/owners")
class CrmOwnerController {

    private final OwnerMappings mappings;

    CrmOwnerController(OwnerMappings mappings) {
        this.mappings = mappings;
    }

    @PutMapping("/{source}/{ownerId}")
    ResponseEntity<OwnerView> put(Caller caller, @PathVariable String source, @PathVariable String ownerId,
                                  @RequestBody OwnerInput input) {
        boolean created = mappings.put(caller, source, ownerId, input == null ? null : input.repId());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(mappings.get(caller, source, ownerId)));
    }

    @GetMapping("/{source}/{ownerId}")
    OwnerView get(Caller caller, @PathVariable String source, @PathVariable String ownerId) {
        return view(mappings.get(caller, source, ownerId));
    }

    @GetMapping
    List<OwnerView> all(Caller caller, @RequestParam(required = false) String source) {
        return mappings.all(caller, source).stream().map(CrmOwnerController::view).toList();
    }

    @DeleteMapping("/{source}/{ownerId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String source, @PathVariable String ownerId) {
        mappings.delete(caller, source, ownerId);
        return ResponseEntity.noContent().build();
    }

    private static OwnerView view(CrmOwner owner) {
        return new OwnerView(owner.source(), owner.ownerId(), owner.repId(), owner.updatedAt(), owner.updatedBy());
    }

    record OwnerInput(String repId) {
    }

    record OwnerView(String source, String ownerId, String repId, Instant updatedAt, String updatedBy) {
    }
}
