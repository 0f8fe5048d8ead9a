package dev.asyncz.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a browser test only where headless Chromium and its driver are installed (Debian's
 * {@code chromium} and {@code chromium-driver}, at {@link HeadlessChromium#CHROMIUM} and
 * {@link HeadlessChromium#CHROMEDRIVER}). Where one is missing the test is skipped with a
 * loud message, except when the environment has {@code CI=true}: there it fails, so CI
 * can never pass without having driven the real browser. The same rule as
 * {@link RequiresLocalServer}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {

}
