package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The definitions of one kind of macro by name, NASM's way: a case-sensitive table ({@code %define},
 * {@code %macro}) beside a case-insensitive one ({@code %idefine}, {@code %imacro}, keyed in lower case); a
 * name may carry several overloads, and defining one replaces the overload it {@linkplain #sameOverload matches}.
 *
 * @param <M> a macro definition
 */
final class MacroTable<M> {
    private final Map<String, List<M>> exact = new HashMap<>();
    private final Map<String, List<M>> folded = new HashMap<>();
    private final BiPredicate<M, M> sameOverload;

    /** A table in which a new definition replaces an old one when {@code sameOverload(old, new)}. */
    MacroTable(BiPredicate<M, M> sameOverload) {
        this.sameOverload = sameOverload;
    }

    /** Adds {@code m} under {@code name} (case-insensitively when {@code ci}), replacing its overload. */
    void define(String name, boolean ci, M m) {
        Map<String, List<M>> table = ci ? folded : exact;
        List<M> list = table.computeIfAbsent(ci ? fold(name) : name, k -> new ArrayList<>());
        list.removeIf(old -> sameOverload.test(old, m));
        list.add(m);
    }

    /** Removes every definition called {@code name}. */
    void undefine(String name) {
        exact.remove(name);
        folded.remove(fold(name));
    }

    boolean contains(String name) {
        return exact.containsKey(name) || folded.containsKey(fold(name));
    }

    /** The definitions called {@code name}: the case-sensitive ones, then the case-insensitive ones. */
    List<M> named(String name) {
        List<M> out = new ArrayList<>(exact.getOrDefault(name, List.of()));
        out.addAll(folded.getOrDefault(fold(name), List.of()));
        return out;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
