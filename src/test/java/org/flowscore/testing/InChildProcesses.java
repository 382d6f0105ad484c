package org.flowscore.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that run flowscore in processes of their own ({@link FlowscoreProcess}) to kill, signal or time
 * them: they run in surefire's {@code integration} execution, after the fast ones, so
 * {@code bin/run-tests --fast} can leave them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("child-process")
public @interface InChildProcesses {
}
