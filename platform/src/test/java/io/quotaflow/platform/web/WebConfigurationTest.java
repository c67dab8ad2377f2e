package io.quotaflow.platform.web;

import io.quotaflow.web.HttpLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class WebConfigurationTest {

    private final WebApplicationContextRunner services = new WebApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    WebConfiguration.class))
            .withPropertyValues("spring.mvc.problemdetails.enabled=true");

    @Test
    void shouldLetAServiceReplaceItsBeansByDefiningItsOwn() {
        services.withBean("ownLimits", HttpLimits.class, () -> new HttpLimits(DataSize.ofKilobytes(64), null))
                .run(context -> {
                    assertThat(context.getBeanNamesForType(HttpLimits.class)).containsExactly("ownLimits");
                    assertThat(context).hasSingleBean(ProblemResponses.class).hasBean("correlationIdFilter")
                            .hasBean("requestSizeLimitFilter");
                });
    }

    @Test
    void shouldAnswerErrorsWithTheQuotaflowHandlerAloneEvenWithBootProblemDetailsOn() {
        services.run(context -> assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
                .singleElement().isInstanceOf(ApiExceptionHandler.class));
    }
}
