package org.xenoscope.machine.cpu.diff;

import java.util.List;

/**
 * One generated case: the initial state (registers, arithmetic flags + DF, arena contents) and the items that
 * run on it. {@code undefinedAfter[i]} is the set of undefined flags after items 0..i, so any prefix of the
 * items is itself a valid case (used to find the first item that diverges).
 */
public record TestCase(int id, int[] regs, int flags, byte[] arena, List<Item> items) {

    /**
     * A generated item: its NASM lines (setups + main instruction), instruction count, kind, and what the
     * generator's model claims about the state after it.
     */
    public record Item(List<String> lines, int instructions, String kind, int undefinedAfter, Known known) {
    }

    /**
     * The register bits the model knows after an item ({@code mask[r]} set bits have value {@code value[r]}),
     * ESP, and DF (-1 when not known). Checked against the host CPU, this validates the generator itself.
     */
    public record Known(int[] mask, int[] value, int esp, int df) {
    }

    /** The flags whose final value is undefined (masked in the comparison). */
    public int undefinedFlags() {
        return items.isEmpty() ? 0 : items.get(items.size() - 1).undefinedAfter();
    }

    /** What the model claims about the final state. */
    public Known known() {
        return items.get(items.size() - 1).known();
    }

    public int instructions() {
        return items.stream().mapToInt(Item::instructions).sum();
    }

    /** The same case cut after {@code n} items, under a new id. */
    public TestCase prefix(int newId, int n) {
        return new TestCase(newId, regs, flags, arena, items.subList(0, n));
    }

    /** A case of one item made of {@code lines}, with the given initial registers, no flags, a zero arena. */
    public static TestCase of(int id, int[] regs, String... lines) {
        Item it = new Item(List.of(lines), lines.length, "fixed", 0,
            new Known(new int[8], new int[8], Layout.STACK_TOP, -1));
        return new TestCase(id, regs, 0, new byte[Layout.ARENA_SIZE], List.of(it));
    }

    /** The body as NASM text, one line per instruction or label. */
    public String source() {
        StringBuilder sb = new StringBuilder();
        for (Item it : items) {
            for (String l : it.lines()) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }
}
