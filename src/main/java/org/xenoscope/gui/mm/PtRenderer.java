package org.xenoscope.gui.mm;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.function.LongFunction;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * Renders a page-table tree row: monospaced decoded entry; the last batch's decision as an icon (check / cross),
 * a tint (bluish green / vermillion) and a word; Xen's slots and empty entries greyed; the rule as tooltip.
 */
public final class PtRenderer extends DefaultTreeCellRenderer {
    private final LongFunction<TraceEvent.Validation> decisions;
    private Font mono;

    /** A renderer that looks up the decision on an entry by its machine address. */
    public PtRenderer(LongFunction<TraceEvent.Validation> decisions) {
        this.decisions = decisions;
    }

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean sel, boolean expanded,
                                                  boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, sel, expanded, leaf, row, hasFocus);
        if (mono == null || mono.getSize() != tree.getFont().getSize()) {
            mono = new Font(Font.MONOSPACED, Font.PLAIN, tree.getFont().getSize());
        }
        setFont(mono);
        setToolTipText(null);
        setBackgroundNonSelectionColor(null);
        Object o = value instanceof DefaultMutableTreeNode n ? n.getUserObject() : value;
        if (!(o instanceof PtEntry e)) {
            setIcon(null);
            return this;
        }
        TraceEvent.Validation v = decisions.apply(e.entryMa());
        setText(PtText.row(e, v));
        setToolTipText(PtText.tooltip(e, v));
        if (v != null) {
            setIcon(v.accepted() ? DecisionIcon.OK : DecisionIcon.NO);
            setBackgroundNonSelectionColor(OkabeIto.tint(v.accepted() ? DecisionIcon.ACCEPTED : DecisionIcon.REFUSED,
                0.25));
        } else {
            setIcon(null);
        }
        if (!sel && (e.xen() || !e.present())) {
            Color grey = UIManager.getColor("Label.disabledForeground");
            setForeground(grey != null ? grey : Color.GRAY);
        }
        return this;
    }
}
