package dev.asyncz.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where its servers answer. Where one is unreachable the
 * test is skipped with a loud message, except when the environment has {@code CI=true}:
 * there a missing server fails the test, so CI can never pass without having talked to
 * the real thing.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalServerCondition.class)
public @interface RequiresLocalServer {

	/**
	 * The servers the test needs.
	 * @return the servers
	 */
	LocalServer[] value();

}
