package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.Breakpoint;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.testutil.Display;
import org.xenoscope.testutil.Tools;

class BreakpointsPanelTest {
    @Test
    void theAddRowParsesEveryKind() {
        assertThat(BreakpointsPanel.parse(BreakpointsPanel.Kind.ADDRESS, "0x100010", "eax == 3", null))
            .isInstanceOf(Breakpoint.Address.class)
            .satisfies(b -> assertThat(((Breakpoint.Address) b).address()).isEqualTo(0x100010));
        assertThat(BreakpointsPanel.parse(BreakpointsPanel.Kind.HYPERCALL, "mmu_update", "", null))
            .isEqualTo(new Breakpoint.Hypercall(1, null));
        assertThat(BreakpointsPanel.parse(BreakpointsPanel.Kind.HYPERCALL, "29", "2", null))
            .isEqualTo(new Breakpoint.Hypercall(29, 2));
        assertThat(BreakpointsPanel.parse(BreakpointsPanel.Kind.EXCEPTION, "14", "", null))
            .isEqualTo(new Breakpoint.Exception(14));
        assertThat(BreakpointsPanel.parse(BreakpointsPanel.Kind.WATCH, "1000", "", Breakpoint.Space.MACHINE))
            .isEqualTo(new Breakpoint.Watch(Breakpoint.Space.MACHINE, 0x1000, 4));
        assertThat(BreakpointsPanel.describe(new Breakpoint.Hypercall(29, 2)))
            .isEqualTo("before hypercall sched_op with EBX = 2");
        assertThatThrownBy(() -> BreakpointsPanel.parse(BreakpointsPanel.Kind.HYPERCALL, "nosuch", "", null))
            .isInstanceOf(BadInputException.class).hasMessageContaining("no hypercall named nosuch");
        assertThatThrownBy(() -> BreakpointsPanel.parse(BreakpointsPanel.Kind.ADDRESS, "10", "eax is 3", null))
            .isInstanceOf(BadInputException.class);
    }

    @Test
    void aHypercallBreakpointAddedInThePanelStopsTheRun() throws Exception {
        Display.require();
        byte[] elf = Assembler.assembleFile(Tools.projectRoot().resolve("sample-guests/pv/hello.asm"),
            Assembler.Options.elf()).image();
        SessionController c = GuiActionRunner.execute(SessionController::new);
        BreakpointsPanel p = GuiActionRunner.execute(() -> new BreakpointsPanel(c));
        JFrame f = GuiActionRunner.execute(() -> {
            JFrame fr = new JFrame("breakpoints");
            fr.add(p.component());
            c.addView(p);
            c.open(SystemSpec.pv("hello.elf", elf, 16, ""));
            fr.pack();
            fr.setVisible(true);
            return fr;
        });
        try {
            GuiActionRunner.execute(() -> {
                p.select(BreakpointsPanel.Kind.HYPERCALL, "sched_op", "");
                p.addBreakpoint();
            });
            c.post(new Command.Continue());
            waitFor("stopped at the breakpoint", () -> c.session().latest().stopReason().contains("hypercall 29"));
            assertThat(c.session().latest().cpu().reg(0)).isEqualTo(29);
            waitFor("the list shows it", () -> GuiActionRunner.execute(() -> p.rowCount() == 1));
            assertThat(c.session().query(e -> e.breakpoints().size()).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            GuiActionRunner.execute(() -> {
                f.dispose();
                c.close();
            });
        }
    }

    private static void waitFor(String what, BooleanSupplier ok) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return ok.getAsBoolean();
            }
        }, Timeout.timeout(20_000));
    }
}
