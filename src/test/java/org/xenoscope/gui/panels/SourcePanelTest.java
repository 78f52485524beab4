package org.xenoscope.gui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.swing.JTextPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Session;
import org.xenoscope.testutil.PvGuests;

class SourcePanelTest {
    private static final Path FILE = Path.of("guest.asm");
    private final String source = PvGuests.source(TestGuest.MAIN);
    private PanelHarness<SourcePanel> h;

    @BeforeEach
    void open() {
        h = PanelHarness.open(SourceBuild.of(FILE, source).spec(FILE, 4, ""), SourcePanel::new);
        h.onEdt(() -> {
            h.view.setSource(FILE, source);
            return null;
        });
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** Presses "Re-assemble and restart" (the action itself, not a robot click: no focus or timing races). */
    private void reassemble() {
        javax.swing.JButton b = (javax.swing.JButton) h.frame.button("source.reassemble").target();
        h.onEdt(() -> {
            b.doClick();
            return null;
        });
    }

    /** The 1-based line of the first line containing {@code s}. */
    private int lineOf(String text, String s) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(s)) {
                return i + 1;
            }
        }
        throw new AssertionError(s);
    }

    @Test
    void highlightsTheLineOfEipAndTheSyntax() {
        h.settle();
        h.waitFor("_start's first line", () -> h.view.currentLine() == lineOf(source, "mov esp, stack_top"));
        h.step(1);
        h.waitFor("next line", () -> h.view.currentLine() == lineOf(source, "mov ebx, traps"));
        String desc = h.onEdt(() -> ((JTextPane) h.frame.textBox("source.text").target()).getAccessibleContext()
            .getAccessibleDescription());
        assertThat(desc).isEqualTo("current line " + lineOf(source, "mov ebx, traps") + ": mov ebx, traps");
        int at = source.indexOf("mov ecx, 2");
        assertThat(h.onEdt(() -> h.view.styleAt(at))).isEqualTo("MNEMONIC");
        assertThat(h.onEdt(() -> h.view.styleAt(at + 4))).isEqualTo("REGISTER");
        assertThat(h.onEdt(() -> h.view.styleAt(at + 9))).isEqualTo("NUMBER");
        assertThat(h.onEdt(() -> h.view.styleAt(source.indexOf("; set_trap_table")))).isEqualTo("COMMENT");
        assertThat(h.onEdt(() -> h.view.styleAt(source.indexOf("section .data")))).isEqualTo("DIRECTIVE");
    }

    @Test
    void errorsAreMarkedAndNothingRestarts() {
        Session before = h.session();
        String bad = source.replace("mov esi, 3", "mov esi, nowhere_label");
        h.onEdt(() -> {
            ((JTextPane) h.frame.textBox("source.text").target()).setText(bad);
            return null;
        });
        reassemble();
        int line = lineOf(bad, "nowhere_label");
        h.waitFor("error marked", () -> h.view.errorLines().containsKey(line));
        assertThat(h.onEdt(() -> h.view.errorLines().get(line))).startsWith("guest.asm:" + line + ":")
            .contains("nowhere_label");
        h.frame.label("source.status").requireText(java.util.regex.Pattern.compile("1 error\\(s\\): guest.asm:.*"));
        assertThat(h.onEdt(() -> h.frame.robot().finder().findByName("source.gutter").getAccessibleContext()
            .getAccessibleDescription())).contains("errors: guest.asm:" + line);
        assertThat(h.session()).isSameAs(before);
    }

    @Test
    void reassembleRestartsWithTheEditedGuest() throws Exception {
        Session before = h.session();
        h.onEdt(() -> {
            ((JTextPane) h.frame.textBox("source.text").target()).setText(source.replace("mov esi, 3", "mov esi, 1"));
            return null;
        });
        reassemble();
        h.waitFor("a new session", () -> h.controller.session() != before);
        h.post(new Command.RunTo(TestGuest.symbol("after_calls")));
        h.settle();
        int counter = TestGuest.symbol("counter");
        int calls = h.session().query(e -> GuestReads.dword(e, counter)).get();
        assertThat(calls).as("func ran once in the edited guest").isEqualTo(1);
        assertThat(h.session().query(e -> e.spec().memoryMb()).get()).isEqualTo(4);
    }
}
