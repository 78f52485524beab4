package org.xenoscope.xen.mm;

import java.util.function.Supplier;

/**
 * A refusal message worded only when a refusal happens: the page-type rules pass "where" and "what" descriptions
 * down to the checks that may refuse, and accepted requests (nearly all of them) never format one.
 */
final class Why {
    private final Supplier<String> text;

    private Why(Supplier<String> text) {
        this.text = text;
    }

    /** A description formatted by {@code text} (which must capture the values it formats) when printed. */
    static Why of(Supplier<String> text) {
        return new Why(text);
    }

    @Override
    public String toString() {
        return text.get();
    }
}
