package io.quotaflow.activity.imports.web;

import io.quotaflow.activity.imports.ImportJob;
import io.quotaflow.activity.imports.ImportService;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;

/** CSV imports: {@code POST /api/activities/imports} (multipart {@code file}) → 202 with the job; then poll it. */
@RestController
@RequestMapping("/api/activities/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJob> start(Caller caller, @RequestParam(required = false) MultipartFile file) {
        ImportJob job = imports.start(caller, file);
        return ResponseEntity.accepted().location(URI.create("/api/activities/imports/" + job.jobId())).body(job);
    }

    @GetMapping("/{jobId}")
    ImportJob get(Caller caller, @PathVariable String jobId) {
        return imports.get(caller, jobId);
    }
}
