package org.xenoscope.machine.cpu;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Inlining hints for HotSpot's JIT compiler, installed once before the interpreter's run loop is compiled.
 *
 * <p>The run loop ({@code Core.runFast}) calls {@code Core.step} and the fast-path dispatch
 * {@code FastOps.execute} for every guest instruction. Both are larger than HotSpot inlines on its own, and the
 * two calls per instruction cost about a fifth of the interpreter's speed. A compiler directive (the JDK's
 * {@code Compiler.directives_add} diagnostic command, what {@code jcmd} uses) asks C2 to inline them into the
 * loop. The directive only changes what gets inlined, never what the code does; on a JVM without the
 * diagnostic-command MBean nothing happens and the interpreter is merely slower.
 */
final class JitHints {
    private static final String DIRECTIVES = """
        [
          {
            match: "org/xenoscope/machine/cpu/Core.*",
            inline: ["+org/xenoscope/machine/cpu/Core.step", "+org/xenoscope/machine/cpu/FastOps.execute"]
          }
        ]
        """;

    private static boolean installed;

    private JitHints() {
    }

    /** Installs the directives (once per JVM); failures are ignored. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Path f = null;
        try {
            f = Files.createTempFile("xenoscope-jit", ".json");
            Files.writeString(f, DIRECTIVES, StandardCharsets.US_ASCII);
            ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                new Object[] {new String[] {f.toString()}}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            // not HotSpot, or no management support: the hints are an optimisation only
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }
}
