package io.swirl.dsl.plan;

/**
 * An error to raise, as an RFC 7807 problem template.
 *
 * @param name the {@code use.errors} entry it came from, or {@code null} when inline
 * @param definition {@code type}, {@code status}, {@code title}, {@code detail}, {@code instance};
 *     any may be an expression
 */
public record ErrorTemplate(String name, ValueTemplate definition) {}
