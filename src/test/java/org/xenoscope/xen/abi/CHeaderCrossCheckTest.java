package org.xenoscope.xen.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.Tools;
import org.xenoscope.xen.abi.StructLayout.Field;

/**
 * Cross-check of this package against the C header the sample guests use (sample-guests/include/xen/xen.h):
 * a generated C file asserts, with {@code _Static_assert}, that every constant the header defines has the Java
 * value and that every field of every struct the header defines has the Java offset and size; it must compile
 * with {@code gcc -m32}. Conversely every {@code #define} and struct of the header must be known here.
 */
class CHeaderCrossCheckTest {
    private static final Path HEADER_DIR = Tools.projectRoot().resolve("sample-guests/include");
    private static final Path HEADER = HEADER_DIR.resolve("xen/xen.h");

    /** Every ABI constant under its C name: constant classes, errno values, hypercall numbers. */
    static Map<String, Integer> javaConstantsByCName() {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xenoscope.xen.abi")) {
            if (c.getPackageName().equals("org.xenoscope.xen.abi") && !c.isNestedClass()) {
                for (ConstantSet.Entry e : ConstantSet.allIntConstants(c.reflect())) {
                    Integer old = all.put(e.xenName(), e.value());
                    assertThat(old == null || old == e.value()).as("%s defined twice, differently", e.xenName()).isTrue();
                }
            }
        }
        for (Errno e : Errno.values()) {
            all.put("XEN_" + e.name(), e.value());
        }
        for (Hypercall.Row r : Hypercall.TABLE) {
            all.put("__HYPERVISOR_" + r.name(), r.number());
        }
        return all;
    }

    /** The C source: the header, then one guarded assertion per Java constant and per struct field. */
    static String generate(Map<String, Integer> constants) {
        StringBuilder c = new StringBuilder("#include <xen/xen.h>\n");
        constants.forEach((name, v) -> c.append(String.format(
            "#ifdef %1$s\n_Static_assert((unsigned)(%1$s) == 0x%2$08xu, \"constant %1$s: Java has 0x%2$08x\");\n"
                + "#endif\n", name, v)));
        for (StructLayout l : Structs.all()) {
            if (l.cType().isEmpty()) {
                continue;
            }
            String t = l.cType().get();
            c.append(String.format("_Static_assert(sizeof(%1$s) == %2$d, \"sizeof %1$s: Java has %2$d\");\n",
                t, l.size()));
            for (Field f : l.fields()) {
                if (f.isUnnamedPadding()) {
                    continue;
                }
                c.append(String.format("_Static_assert(offsetof(%1$s, %2$s) == %3$d, "
                    + "\"offsetof %1$s.%2$s: Java has %3$d\");\n", t, f.name(), f.offset()));
                c.append(String.format("_Static_assert(sizeof(((%1$s *)0)->%2$s) == %3$d, "
                    + "\"sizeof %1$s.%2$s: Java has %3$d\");\n", t, f.name(), f.size()));
            }
        }
        return c.toString();
    }

    @Test
    void cHeaderAgreesWithJava(@TempDir Path dir) throws IOException {
        Tools.require("gcc");
        Map<String, Integer> constants = javaConstantsByCName();
        Path src = dir.resolve("abi_check.c");
        Files.writeString(src, generate(constants));
        Tools.Result r = Tools.run(dir, List.of("gcc", "-m32", "-std=c11", "-ffreestanding", "-fsyntax-only",
            "-fmax-errors=0", "-I", HEADER_DIR.toString(), src.toString()), 60);
        if (r.exitCode() != 0) {
            List<String> mismatches = new ArrayList<>();
            Matcher m = Pattern.compile("static assertion failed: \"([^\"]*)\"").matcher(r.stderr());
            while (m.find()) {
                mismatches.add(m.group(1));
            }
            fail("xen.h disagrees with org.xenoscope.xen.abi:\n  " + String.join("\n  ", mismatches)
                + (mismatches.isEmpty() ? "\n" + r.stderr() : ""));
        }
    }

    @Test
    void everyDefineAndStructOfTheHeaderIsKnownHere() throws IOException {
        String h = Files.readString(HEADER);
        Map<String, Integer> constants = javaConstantsByCName();
        TreeSet<String> unknown = new TreeSet<>();
        Matcher d = Pattern.compile("(?m)^#define\\s+(\\w+)\\s+\\S").matcher(h);
        int defines = 0;
        while (d.find()) {
            String name = d.group(1);
            if (!name.startsWith("XENOSCOPE_") && !name.startsWith("XEN_CHECK")) {
                defines++;
                if (!constants.containsKey(name)) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("#defines of xen.h without a Java constant").isEmpty();
        assertThat(defines).as("defines checked").isGreaterThan(150);

        TreeSet<String> layoutsInC = new TreeSet<>();
        for (StructLayout l : Structs.all()) {
            l.cType().ifPresent(t -> layoutsInC.add(l.name()));
        }
        TreeSet<String> structs = new TreeSet<>();
        Matcher s = Pattern.compile("(?m)^(?:typedef )?struct (\\w+) \\{").matcher(h);
        while (s.find()) {
            structs.add(s.group(1));
        }
        assertThat(structs).as("structs of xen.h").hasSizeGreaterThan(20);
        assertThat(layoutsInC).as("Java layouts that name a C type").containsAll(structs);
        assertThat(structs).as("C types named by Java layouts").containsAll(layoutsInC);
    }

    @Test
    void generatedFileCoversConstantsAndFields() {
        String c = generate(javaConstantsByCName());
        assertThat(c).contains("#ifdef SCHEDOP_yield").contains("#ifdef __HYPERVISOR_mmu_update")
            .contains("#ifdef XEN_EINVAL").contains("offsetof(start_info_t, console.domU.evtchn) == 56")
            .doesNotContain("(pad@");
    }
}
