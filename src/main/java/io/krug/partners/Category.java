package io.krug.partners;

/**
 * A business category of a program, e.g. {@code dentistry}.
 *
 * @param key stable snake_case key, unique in the program
 * @param name display name
 * @param medical whether businesses of this category are bound by medical secrecy: nothing but the fact, date and
 * amount of a visit may leave them (no service names)
 * @param sortOrder position in lists, ascending
 */
public record Category(String key, String name, boolean medical, int sortOrder) {
}
