package io.quotaflow.platform.org;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service that keeps its own projection of the sales org, and nothing else. */
@SpringBootApplication
public class OrgDirectoryApplication {
}
