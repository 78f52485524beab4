package org.xenoscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of style-anchors §4, enforced on the compiled main classes.
 *
 * <p>Each rule is built for a package root, so the same rule that guards {@code org.xenoscope} is also run
 * against two fixture trees under {@code org.xenoscope.archfixture} (test sources): {@code good}, which uses
 * every allowed dependency and must pass, and {@code bad}, which breaks every rule and must fail. That keeps
 * the rules from silently turning into no-ops (a typo in a package pattern matches nothing and passes).
 */
class ArchitectureTest {
    private static final String ROOT = "org.xenoscope";
    private static final String FIXTURES = "org.xenoscope.archfixture";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    }

    // ---------------------------------------------------------------- the rules, per package root

    /** (a) Only the GUI package may use Swing, AWT or the GUI libraries. */
    static ArchRule guiLibrariesOnlyInGui(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".gui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "javax.swing..", "java.awt..", "com.formdev.flatlaf..", "net.miginfocom..", "org.jfree..")
            .because("the machine, hypervisor and tools must run headless; only gui may touch a screen");
    }

    /** (b) The bare machine knows nothing of the hypervisor, the tools built on it, or any front end. */
    static ArchRule machineKnowsNothingAbove(String root) {
        return noClasses().that().resideInAPackage(root + ".machine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                root + ".asm..", root + ".xen..", root + ".dom0..", root + ".debug..",
                root + ".lesson..", root + ".gui..", root + ".cli..")
            .because("machine is the bottom layer: a bare 32-bit PC that knows nothing of Xen");
    }

    /** (b) The assembler/loader sits directly on the machine and knows nothing of Xen or the front ends. */
    static ArchRule asmKnowsOnlyMachine(String root) {
        return noClasses().that().resideInAPackage(root + ".asm..")
            .should().dependOnClassesThat().resideInAnyPackage(
                root + ".xen..", root + ".dom0..", root + ".debug..", root + ".lesson..",
                root + ".gui..", root + ".cli..")
            .because("asm only needs the machine (machine <- asm)")
            .allowEmptyShould(true);
    }

    /**
     * (b) The layering machine &lt;- asm, machine &lt;- xen &lt;- dom0 &lt;- debug &lt;- lesson &lt;- {gui, cli}.
     * A layer may use any layer below it; cli may also start the gui (the GUI is cli's default command).
     * Layers that do not exist yet are optional, so the rule holds while the project grows.
     */
    static ArchRule layering(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Machine").definedBy(root + ".machine..")
            .layer("Asm").definedBy(root + ".asm..")
            .layer("Xen").definedBy(root + ".xen..")
            .layer("Dom0").definedBy(root + ".dom0..")
            .layer("Debug").definedBy(root + ".debug..")
            .layer("Lesson").definedBy(root + ".lesson..")
            .layer("Gui").definedBy(root + ".gui..")
            .layer("Cli").definedBy(root + ".cli..")
            .whereLayer("Machine").mayOnlyBeAccessedByLayers("Asm", "Xen", "Dom0", "Debug", "Lesson", "Gui", "Cli")
            .whereLayer("Asm").mayOnlyBeAccessedByLayers("Xen", "Dom0", "Debug", "Lesson", "Gui", "Cli")
            .whereLayer("Xen").mayOnlyBeAccessedByLayers("Dom0", "Debug", "Lesson", "Gui", "Cli")
            .whereLayer("Dom0").mayOnlyBeAccessedByLayers("Debug", "Lesson", "Gui", "Cli")
            .whereLayer("Debug").mayOnlyBeAccessedByLayers("Lesson", "Gui", "Cli")
            .whereLayer("Lesson").mayOnlyBeAccessedByLayers("Gui", "Cli")
            .whereLayer("Gui").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer();
    }

    /** (c) No cycles between the top-level packages (machine, asm, xen, ...). */
    static ArchRule noTopLevelCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** (c) No cycles between the parts of the machine (cpu, mmu, mem, intr, dev, clock, isa). */
    static ArchRule noMachineCycles(String root) {
        return slices().matching(root + ".machine.(*)..").should().beFreeOfCycles();
    }

    // ---------------------------------------------------------------- the real code

    @Test
    void importFindsTheMachine() {
        assertThat(main.containPackage(ROOT + ".machine")).isTrue();
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".machine.")).count())
            .isGreaterThan(5);
        assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith(FIXTURES)))
            .as("test fixtures must not be imported as main classes").isFalse();
    }

    @Test
    void onlyGuiUsesGuiLibraries() {
        guiLibrariesOnlyInGui(ROOT).check(main);
    }

    @Test
    void machineKnowsNothingAboveIt() {
        machineKnowsNothingAbove(ROOT).check(main);
    }

    @Test
    void asmKnowsOnlyTheMachine() {
        asmKnowsOnlyMachine(ROOT).check(main);
    }

    @Test
    void layersPointDownwards() {
        layering(ROOT).check(main);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        noTopLevelCycles(ROOT).check(main);
    }

    @Test
    void machinePackagesAreFreeOfCycles() {
        noMachineCycles(ROOT).check(main);
    }

    // ---------------------------------------------------------------- the rules themselves

    /** Every allowed dependency of §4 in one small tree: all rules must pass. */
    @Nested
    class OnAWellLayeredTree {
        private final String root = FIXTURES + ".good";
        private final JavaClasses good = new ClassFileImporter().importPackages(root);

        @Test
        void everyRulePasses() {
            assertThat(good.size()).isGreaterThanOrEqualTo(8);
            for (ArchRule rule : new ArchRule[] {guiLibrariesOnlyInGui(root), machineKnowsNothingAbove(root),
                asmKnowsOnlyMachine(root), layering(root), noTopLevelCycles(root), noMachineCycles(root)}) {
                assertThatCode(() -> rule.check(good)).as(rule.getDescription()).doesNotThrowAnyException();
            }
        }
    }

    /** A tree that breaks each rule once: every rule must fail and name the culprit. */
    @Nested
    class OnABrokenTree {
        private final String root = FIXTURES + ".bad";
        private final JavaClasses bad = new ClassFileImporter().importPackages(root);

        @Test
        void swingOutsideGuiFails() {
            assertThatThrownBy(() -> guiLibrariesOnlyInGui(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(root + ".machine.cpu.Core")
                .hasMessageContaining("javax.swing.JPanel")
                .hasMessageNotContaining(root + ".gui.Window");
        }

        @Test
        void machineUsingXenFails() {
            assertThatThrownBy(() -> machineKnowsNothingAbove(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(root + ".xen.Hypervisor");
        }

        @Test
        void asmUsingCliFails() {
            assertThatThrownBy(() -> asmKnowsOnlyMachine(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(root + ".cli.Main");
        }

        @Test
        void upwardDependencyBreaksLayering() {
            assertThatThrownBy(() -> layering(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(root + ".xen.Hypervisor")
                .hasMessageContaining(root + ".cli.Main");
        }

        @Test
        void topLevelCycleFails() {
            assertThatThrownBy(() -> noTopLevelCycles(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        }

        @Test
        void machineCycleFails() {
            assertThatThrownBy(() -> noMachineCycles(root).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining(root + ".machine.mmu.Walker");
        }
    }
}
