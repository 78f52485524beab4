package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JComboBox;
import javax.swing.JTable;
import javax.swing.JTextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.debug.Command;
import org.xenoscope.testutil.PvGuests;

class StackMemoryPanelTest {
    private PanelHarness<?> h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static String cell(JTable t, int row, int col) {
        return row < t.getRowCount() ? String.valueOf(t.getValueAt(row, col)) : "";
    }

    @Test
    void stackShowsTheReturnAddressWithItsSymbol() {
        PanelHarness<StackPanel> s = PanelHarness.open(TestGuest.spec(), StackPanel::new);
        h = s;
        s.post(new Command.RunTo(TestGuest.symbol("func")));
        s.settle();
        int ret = TestGuest.symbol("after_calls") - 3; // after "call func": dec esi; jnz .again (2 bytes)
        String expect = ElfImage.parse("guest.elf", PvGuests.elf(TestGuest.MAIN)).symbolAt(ret).orElseThrow()
            .toString();
        JTable t = (JTable) s.frame.table("stack.table").target();
        s.waitFor("the return address on top", () -> cell(t, 0, 2).equals(Hex.h8(ret)));
        assertThat(s.onEdt(() -> cell(t, 0, 3))).isEqualTo(expect);
        assertThat(s.onEdt(() -> cell(t, 0, 0))).isEqualTo(Hex.h8(TestGuest.symbol("stack_top") - 4));
        assertThat(s.onEdt(t::getRowCount)).isEqualTo(StackPanel.WORDS);
    }

    @Test
    void memoryShowsADataLabelByVirtualAndMachineAddress() throws Exception {
        PanelHarness<MemoryPanel> m = PanelHarness.open(TestGuest.spec(), MemoryPanel::new);
        h = m;
        int msg = TestGuest.symbol("msg");
        JTable t = (JTable) m.frame.table("memory.table").target();
        go(m, GuestReads.Space.VIRTUAL, Hex.h8(msg));
        int col = 1 + (msg & 15);
        m.waitFor("'H' at msg", () -> cell(t, 0, 0).equals(Hex.h8(msg & ~15)) && cell(t, 0, col).equals("48"));
        assertThat(m.onEdt(() -> cell(t, 0, col + 1) + cell(t, 0, col + 2))).isEqualTo("690a");
        assertThat(m.onEdt(() -> cell(t, 0, 17))).contains("Hi.");

        long ma = m.session().query(e -> e.target().cpu().mmu().peek(msg)).get();
        assertThat(ma).isPositive();
        go(m, GuestReads.Space.MACHINE, Long.toHexString(ma));
        int mcol = 1 + (int) (ma & 15);
        m.waitFor("'H' at its machine address", () -> cell(t, 0, 0).equals(String.format("%08x", ma & ~15))
            && cell(t, 0, mcol).equals("48"));
        javax.swing.JButton down = (javax.swing.JButton) m.frame.button("memory.down").target();
        m.onEdt(() -> {
            down.doClick();
            return null;
        });
        m.waitFor("paged down", () -> cell(t, 0, 0).equals(String.format("%08x", (ma & ~15) + MemoryPanel.SPAN)));
    }

    @Test
    void memoryFollowsARegisterAndHighlightsChangedBytes() {
        PanelHarness<MemoryPanel> m = PanelHarness.open(TestGuest.spec(), MemoryPanel::new);
        h = m;
        JTable t = (JTable) m.frame.table("memory.table").target();
        int counter = TestGuest.symbol("counter");
        go(m, GuestReads.Space.VIRTUAL, Hex.h8(counter));
        m.post(new Command.RunTo(TestGuest.symbol("func")));
        m.settle();
        m.step(1); // add dword [counter], 1
        int col = 1 + (counter & 15);
        m.waitFor("counter = 1, highlighted", () -> cell(t, 0, col).equals("01")
            && t.getModel() instanceof HexRows r && r.changedTip(0, col) != null);
        assertThat(m.onEdt(() -> ((HexRows) t.getModel()).changedCount())).isEqualTo(1);

        go(m, GuestReads.Space.VIRTUAL, "ESP");
        int esp = m.latest().cpu().reg(4);
        m.waitFor("following esp", () -> cell(t, 0, 0).equals(Hex.h8(esp & ~15)));
        m.step(1); // mov ebx, 0: ESP stays
        m.post(new Command.RunTo(TestGuest.symbol("after_calls")));
        m.settle();
        int esp2 = m.latest().cpu().reg(4);
        assertThat(esp2).isNotEqualTo(esp);
        m.waitFor("followed esp", () -> cell(t, 0, 0).equals(Hex.h8(esp2 & ~15)));

        go(m, GuestReads.Space.VIRTUAL, "nonsense");
        m.frame.label("memory.error").requireText("'nonsense' is neither a hex address nor a register name");
    }

    @SuppressWarnings("unchecked")
    private static void go(PanelHarness<?> m, GuestReads.Space space, String addr) {
        JComboBox<GuestReads.Space> sp = (JComboBox<GuestReads.Space>) m.frame.comboBox("memory.space").target();
        JTextField f = (JTextField) m.frame.textBox("memory.address").target();
        m.onEdt(() -> {
            sp.setSelectedItem(space);
            f.setText(addr);
            f.postActionEvent();
            return null;
        });
    }
}
