package org.xenoscope.machine.cpu.diff;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Human-readable text of a differential run: the summary line and the mismatching cases. */
public final class Report {
    private Report() {
    }

    /** One line: seed, cases, instructions, mismatches, time. */
    public static String summary(DiffRun.Summary s) {
        return String.format("DifferentialCpuTest: seed=%d cases=%d (+%d edge cases) instructions=%d mismatches=%d "
            + "time=%.1fs", s.seed(), s.cases(), s.edgeCases(), s.instructions(), s.failures().size(),
            s.millis() / 1000.0);
    }

    /** How many items of each kind were generated, for a look at the coverage. */
    public static String kinds(DiffRun.Summary s) {
        StringBuilder sb = new StringBuilder("generated items by kind:");
        s.kinds().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /** The first {@code max} failures in full, then the count by kind of the first diverging item. */
    public static String failures(DiffRun.Summary s, int max) {
        StringBuilder sb = new StringBuilder();
        List<DiffRun.Failure> fs = s.failures();
        for (int i = 0; i < Math.min(max, fs.size()); i++) {
            failure(sb, s.seed(), fs.get(i));
        }
        Map<String, Integer> byKind = new TreeMap<>();
        for (DiffRun.Failure f : fs) {
            byKind.merge(f.firstDiverging() == null ? "?" : f.firstDiverging().kind(), 1, Integer::sum);
        }
        sb.append(fs.size()).append(" mismatching cases; by first diverging item: ").append(byKind).append('\n');
        return sb.toString();
    }

    private static void failure(StringBuilder sb, long seed, DiffRun.Failure f) {
        TestCase tc = f.tc();
        sb.append("---- case ").append(tc.id());
        if (tc.id() >= EdgeCases.ID_BASE) {
            sb.append(" (").append(tc.items().get(0).kind()).append(")\n  initial:");
        } else {
            sb.append(" (-Ddiff.seed=").append(seed).append(" -Ddiff.cases=").append(tc.id() + 1)
                .append(")\n  initial:");
        }
        for (int r = 0; r < 8; r++) {
            if (r != Model.ESP) {
                sb.append(String.format(" %s=%08x", Opnd.R32[r], tc.regs()[r]));
            }
        }
        sb.append(String.format(" esp=%08x flags=[%s]%n", Layout.STACK_TOP, FlagBits.names(tc.flags())));
        sb.append("  code:\n");
        for (TestCase.Item it : tc.items()) {
            for (String l : it.lines()) {
                sb.append("  ").append(l).append('\n');
            }
        }
        if (f.firstDiverging() != null) {
            sb.append("  first diverging item #").append(f.itemIndex()).append(" (").append(f.firstDiverging().kind())
                .append("):\n");
            for (String l : f.firstDiverging().lines()) {
                sb.append("  ").append(l).append('\n');
            }
        }
        sb.append("  differences:\n");
        for (String d : f.differences()) {
            sb.append("    ").append(d).append('\n');
        }
    }
}
