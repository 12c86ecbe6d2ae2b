package io.hakit.contract.scenarios;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The named operations a scenario class shows the behaviour of (not the ones it merely uses to get there): with
 * {@code --only} or {@code --skip}, a scenario runs when one of them is judged.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Covers {
    String[] value();
}
