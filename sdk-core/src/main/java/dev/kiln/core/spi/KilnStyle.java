package dev.kiln.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project-wide Immutables style. Put it on a model package's {@code package-info.java}; write the
 * abstract definition as {@code FooDef} and users get the immutable {@code Foo} with
 * {@code Foo.builder()}, {@code withX(..)} copies and {@code Foo.copyOf(..)}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "*Def",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    optionalAcceptNullable = true,
    // No @Generated annotations from the classpath: users compiling against Kiln would get
    // "class file for org.immutables.value.Generated not found" warnings.
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true))
public @interface KilnStyle {}
