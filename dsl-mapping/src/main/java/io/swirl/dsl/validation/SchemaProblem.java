package io.swirl.dsl.validation;

/**
 * One condensed schema violation.
 *
 * @param pointer the offending node
 * @param message what is wrong and what to do
 * @param atValue true to place it at the value, false at the member name
 */
record SchemaProblem(String pointer, String message, boolean atValue) {}
