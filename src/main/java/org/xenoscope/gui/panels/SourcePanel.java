package org.xenoscope.gui.panels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import javax.swing.text.Element;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.asm.nasm.AsmError;
import org.xenoscope.asm.nasm.Assembly;
import org.xenoscope.asm.nasm.ListingLine;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;

/**
 * The guest's assembly source (for guests opened from .asm): editable, syntax-highlighted, the line of EIP
 * highlighted, assembler errors marked (gutter "✖" with the message as tooltip, red underline), and "Re-assemble
 * and restart", which assembles the edited text and, if it assembles, opens a new session on it.
 */
public final class SourcePanel implements View {
    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("insets 4, fill, wrap 2", "[][grow]", "[][grow, fill]"));
    private final JTextPane text = new JTextPane();
    private final SourceGutter gutter = new SourceGutter(text);
    private final JLabel status = new JLabel(" ");
    private final List<Object> marks = new ArrayList<>();
    private final SourceStyles styles;
    private Object currentMark;
    private Path file;
    private Assembly assembly;
    private Integer lastEip;

    /** A source panel that restarts {@code c}'s session on re-assembly. */
    public SourcePanel(SessionController c) {
        controller = c;
        text.setName("source.text");
        text.setFont(RegisterEditor.mono(text));
        text.getAccessibleContext().setAccessibleName("Assembly source");
        styles = new SourceStyles(text);
        JButton again = new JButton("Re-assemble and restart");
        again.setName("source.reassemble");
        again.getAccessibleContext().setAccessibleDescription("Assembles the edited source and restarts the guest");
        again.addActionListener(e -> reassemble());
        status.setName("source.status");
        status.getAccessibleContext().setAccessibleName("Assembler status");
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                styles.later();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                styles.later();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                // attribute changes (the highlighting itself)
            }
        });
        JScrollPane scroll = new JScrollPane(text);
        scroll.setRowHeaderView(gutter);
        panel.add(again);
        panel.add(status, "growx");
        panel.add(scroll, "span, grow");
        panel.setName("source");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    /** Contract: shows {@code source} of {@code f} (not restarting anything) and marks its assembler errors. */
    public void setSource(Path f, String source) {
        file = f;
        text.setText(source);
        text.setCaretPosition(0);
        styles.now();
        SourceBuild b = SourceBuild.of(f, source);
        assembly = b.assembly();
        showErrors(b.errors());
        showEip();
    }

    @Override
    public String title() {
        return "Source";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        lastEip = s.cpu().eip();
        showEip();
    }

    /** Highlights the source line of the last EIP seen (none when it is not in this file). */
    private void showEip() {
        int line = assembly == null || file == null || lastEip == null ? -1
            : assembly.lineAt(Integer.toUnsignedLong(lastEip)).filter(l -> l.depth() == 0 && l.file().equals(file.toString())).map(ListingLine::line).orElse(-1);
        if (line != gutter.current()) {
            markCurrent(line);
        }
    }

    /** Assembles the edited text; on success restarts with the same memory size and command line. */
    void reassemble() {
        if (file == null) {
            return;
        }
        SourceBuild b = SourceBuild.of(file, text.getText());
        showErrors(b.errors());
        if (b.assembly() == null) {
            return;
        }
        assembly = b.assembly();
        if (controller.session() == null) {
            controller.open(b.spec(file, SourceBuild.DEFAULT_MB, ""));
        } else {
            controller.query(e -> e.spec(), old -> controller.open(b.spec(file, old.memoryMb(), old.cmdline())));
        }
        status.setText("assembled; restarted");
    }

    private void markCurrent(int line) {
        if (currentMark != null) {
            text.getHighlighter().removeHighlight(currentMark);
            currentMark = null;
        }
        currentMark = highlight(line, new DefaultHighlighter.DefaultHighlightPainter(
            ChangedRenderer.over(UIManager.getColor("TextPane.background"), Palette.CURRENT)));
        gutter.show(line, gutter.errors());
        text.getAccessibleContext().setAccessibleDescription(line > 0 ? "current line " + line + ": "
            + lineText(line).trim() : "EIP is not in this file");
    }

    private void showErrors(List<AsmError> errors) {
        marks.forEach(m -> text.getHighlighter().removeHighlight(m));
        marks.clear();
        Map<Integer, String> byLine = new TreeMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (AsmError e : errors) {
            if (file != null && e.file().equals(file.toString()) && e.line() > 0) {
                byLine.merge(e.line(), e.headline(), (a, b) -> a + "\n" + b);
                Object m = highlight(e.line(), new Squiggle());
                if (m != null) {
                    marks.add(m);
                }
            } else {
                elsewhere.add(e.headline());
            }
        }
        gutter.show(gutter.current(), byLine);
        status.setText(errors.isEmpty() ? "assembled" : errors.size() + " error(s): " + errors.get(0).headline());
        status.setForeground(errors.isEmpty() ? UIManager.getColor("Label.foreground") : Palette.ERROR);
        status.setToolTipText(elsewhere.isEmpty() ? null : String.join("\n", elsewhere));
    }

    /** Highlights 1-based {@code line} with {@code p}; null when there is no such line. */
    private Object highlight(int line, javax.swing.text.Highlighter.HighlightPainter p) {
        Element root = text.getDocument().getDefaultRootElement();
        if (line < 1 || line > root.getElementCount()) {
            return null;
        }
        Element el = root.getElement(line - 1);
        try {
            return text.getHighlighter().addHighlight(el.getStartOffset(), Math.max(el.getStartOffset(),
                el.getEndOffset() - 1), p);
        } catch (BadLocationException e) {
            return null;
        }
    }

    private String lineText(int line) {
        Element el = text.getDocument().getDefaultRootElement().getElement(line - 1);
        try {
            return text.getDocument().getText(el.getStartOffset(), el.getEndOffset() - el.getStartOffset());
        } catch (BadLocationException e) {
            return "";
        }
    }

    /** The current line (1-based, -1 none) and the error lines, for tests. */
    int currentLine() {
        return gutter.current();
    }

    Map<Integer, String> errorLines() {
        return gutter.errors();
    }

    String styleAt(int offset) {
        return styles.kindAt(offset);
    }
}
