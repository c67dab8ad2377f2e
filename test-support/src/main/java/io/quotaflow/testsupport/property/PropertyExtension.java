package io.quotaflow.testsupport.property;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs a {@link Property} method: one invocation per seed, and within it the tries, each calling the method
 * with its own generator in place of every {@link RandomGenerator} parameter. Other parameters are resolved by
 * JUnit as usual, once per seed.
 */
final class PropertyExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), Property.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (Arrays.stream(method.getParameters()).noneMatch(PropertyExtension::takesGenerator)) {
            throw new PreconditionViolationException(
                    "@Property method " + method.getName() + " must take a RandomGenerator to draw its inputs from");
        }
        int tries = Seeds.tries(AnnotationSupport.findAnnotation(method, Property.class).orElseThrow().tries());
        return Seeds.forThisRun().stream().map(seed -> new UnderSeed(seed, tries));
    }

    private static boolean takesGenerator(Parameter parameter) {
        Class<?> type = parameter.getType();
        return RandomGenerator.class.isAssignableFrom(type) && type.isAssignableFrom(SplittableRandom.class);
    }

    /** The tries of one property under one seed. */
    private record UnderSeed(Seed seed, int tries)
            implements TestTemplateInvocationContext, ParameterResolver, InvocationInterceptor {

        @Override
        public String getDisplayName(int invocationIndex) {
            return seed + ", " + tries + " tries";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return takesGenerator(parameterContext.getParameter());
        }

        /** A stand-in: every try replaces it with its own generator. */
        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return new SplittableRandom(seed.value());
        }

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                                ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext extensionContext) {
            invocation.skip();
            Method method = invocationContext.getExecutable();
            Object target = invocationContext.getTarget().orElse(null);
            Parameter[] parameters = method.getParameters();
            PropertyRunner.Outcome outcome = PropertyRunner.run(seed, tries, random -> {
                List<Object> arguments = new ArrayList<>(invocationContext.getArguments());
                for (int index = 0; index < parameters.length; index++) {
                    if (takesGenerator(parameters[index])) {
                        arguments.set(index, random);
                    }
                }
                ReflectionSupport.invokeMethod(method, target, arguments.toArray());
            });
            extensionContext.publishReportEntry("property",
                    "%s: %d tries, %d checked".formatted(seed, outcome.tries(), outcome.checks()));
        }
    }
}
