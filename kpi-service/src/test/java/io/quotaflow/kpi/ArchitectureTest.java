package io.quotaflow.kpi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.quotaflow.testsupport.ServiceArchitecture;

/** The boundaries of kpi-service: those every service keeps (see {@link ServiceArchitecture}). */
@AnalyzeClasses(packages = "io.quotaflow.kpi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceBoundaries = ArchTests.in(ServiceArchitecture.class);
}
