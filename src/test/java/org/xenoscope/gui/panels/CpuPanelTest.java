package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JTextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CpuPanelTest {
    private PanelHarness<CpuPanel> h;

    @BeforeEach
    void open() {
        h = PanelHarness.open(TestGuest.spec(), CpuPanel::new);
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private String field(String name) {
        return h.frame.textBox("reg." + name).text();
    }

    @Test
    void showsRegistersAfterStepsAndHighlightsChanges() {
        h.step(1); // mov esp, stack_top
        h.step(1); // mov ebx, traps: only EBX and EIP change
        h.waitFor("EBX shows traps", () -> field("ebx").equals(Hex.h8(TestGuest.symbol("traps"))));
        assertThat(field("esp")).isEqualTo(Hex.h8(TestGuest.symbol("stack_top")));
        assertThat(field("eip")).isEqualTo(Hex.h8(TestGuest.symbol("_start") + 10));
        JTextField ebx = (JTextField) h.frame.textBox("reg.ebx").target();
        String tip = h.onEdt(ebx::getToolTipText);
        assertThat(tip).contains("EBX changed");
        assertThat(h.onEdt(() -> ((JTextField) h.frame.textBox("reg.esp").target()).getToolTipText())).isNull();
        h.frame.label("cpu.header").requireText(java.util.regex.Pattern.compile(".*ring 1 \\(guest kernel\\).*"));
        h.frame.table("cpu.table").requireCellValue(org.assertj.swing.data.TableCell.row(0).column(0), "EFLAGS");
        assertThat(h.onEdt(() -> h.view.component().getAccessibleContext().getAccessibleDescription()))
            .contains("changed: EBX, EIP");
    }

    @Test
    void editingARegisterPostsIt() {
        h.step(1);
        JTextField eax = (JTextField) h.frame.textBox("reg.eax").target();
        h.onEdt(() -> {
            eax.setText("1234abcd");
            eax.postActionEvent();
            return null;
        });
        h.settle();
        assertThat(h.latest().cpu().reg(0)).isEqualTo(0x1234abcd);
        h.waitFor("EAX field shows the new value", () -> eax.getText().equals("1234abcd"));
        h.frame.label("reg.error").requireText(" ");
    }

    @Test
    void badHexShowsAnInlineError() {
        JTextField ecx = (JTextField) h.frame.textBox("reg.ecx").target();
        int before = h.latest().cpu().reg(1);
        h.onEdt(() -> {
            ecx.setText("12zz");
            ecx.postActionEvent();
            return null;
        });
        h.frame.label("reg.error").requireText("ECX: '12zz' is not a hex number of up to 8 digits");
        h.settle();
        assertThat(h.latest().cpu().reg(1)).isEqualTo(before);
    }
}
