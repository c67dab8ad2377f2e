package io.quotaflow.kpi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.quotaflow.testsupport.ServiceArchitecture;

/**
 * The boundaries of kpi-service: those every service keeps (see {@link ServiceArchitecture}); its formulas live in
 * the {@code domain} packages of each capability and in {@code calendar}, plain Java.
 */
@AnalyzeClasses(packages = "io.quotaflow.kpi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceBoundaries = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule calendarIsFrameworkFree = ServiceArchitecture.domainIsFrameworkFree("..kpi.calendar..");
}
