package org.flowscore.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that start a real Elasticsearch ({@link ElasticsearchServer}): they run in surefire's
 * {@code integration} execution, after the fast ones, so {@code bin/run-tests --fast} can leave them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("elasticsearch")
public @interface AgainstElasticsearch {
}
