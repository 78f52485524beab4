package org.xenoscope.machine.cpu.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates test cases from a seed. Case {@code id} depends only on (seed, id), so one case can be regenerated
 * alone from the seed and id printed in a report.
 */
public final class CaseGenerator {
    private final long seed;
    private final Set<String> excluded;

    public CaseGenerator(long seed) {
        this(seed, Set.of());
    }

    /**
     * A generator that never draws the kind-table rows named in {@code excluded} (alu, shift, string, call...:
     * the names of {@link Kinds#ALL}); an unknown name is an IllegalArgumentException.
     */
    public CaseGenerator(long seed, Set<String> excluded) {
        for (String k : excluded) {
            if (!Kinds.exists(k) || k.equals("mov")) {
                throw new IllegalArgumentException("diff.exclude: unknown or required instruction kind '" + k + "'");
            }
        }
        this.seed = seed;
        this.excluded = Set.copyOf(excluded);
    }

    /** Case {@code id}: random registers (not ESP), flags, arena contents and 1..8 items. */
    public TestCase generate(int id) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + id);
        int[] regs = new int[8];
        Model m = new Model();
        for (int r = 0; r < 8; r++) {
            regs[r] = r == Model.ESP ? Layout.STACK_TOP : Values.interesting(rnd);
            m.set(r, -1, regs[r]);
        }
        int flags = rnd.nextInt() & (FlagBits.ARITH | FlagBits.DF);
        m.df = (flags & FlagBits.DF) != 0;
        m.dfKnown = true;
        byte[] arena = arena(rnd);
        int n = 1 + rnd.nextInt(8);
        int[] labels = new int[1];
        List<TestCase.Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ctx c = Kinds.item(rnd, m, labels, false, excluded);
            m = c.m;
            items.add(new TestCase.Item(List.copyOf(c.lines), c.instructions, c.kind, m.undefined, known(m)));
        }
        return new TestCase(id, regs, flags, arena, List.copyOf(items));
    }

    private static TestCase.Known known(Model m) {
        return new TestCase.Known(m.known.clone(), m.value.clone(), m.get(Model.ESP), m.dfKnown ? (m.df ? 1 : 0) : -1);
    }

    /** Arena contents: random bytes, or bytes from a small alphabet so that compares find equal runs. */
    private static byte[] arena(Random rnd) {
        byte[] a = new byte[Layout.ARENA_SIZE];
        if (rnd.nextInt(3) == 0) {
            byte[] alphabet = {0, 1, (byte) 0xFF, (byte) 0x80};
            for (int i = 0; i < a.length; i++) {
                a[i] = alphabet[rnd.nextInt(alphabet.length)];
            }
        } else {
            rnd.nextBytes(a);
        }
        return a;
    }
}
