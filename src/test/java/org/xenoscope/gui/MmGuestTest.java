package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.Stop;
import org.xenoscope.gui.mm.LastBatch;
import org.xenoscope.gui.mm.PtEntry;
import org.xenoscope.gui.mm.PtReader;
import org.xenoscope.xen.Hypervisor;
import org.xenoscope.xen.PageTables;
import org.xenoscope.xen.trace.TraceEvent;

/** The views' test guest and the headless readers behind the views (no display needed). */
class MmGuestTest {
    @Test
    void theGuestsBatchHasOneAcceptedAndOneRefusedEntryAndTheReaderDecodesThem() {
        Engine e = new Engine(MmGuest.spec());
        Hypervisor hv = e.target().hypervisor();
        int page = MmGuest.symbol("page");
        int page2 = MmGuest.symbol("page2");
        List<Integer> l2Path = List.of(page >>> 30);
        List<Integer> l1Path = List.of(page >>> 30, (page >>> 21) & 511);
        PtReader.Space before = PtReader.read(hv, List.of(l2Path, l1Path, List.of(3)));
        assertThat(before.error()).isEmpty();
        assertThat(before.flavour()).isEqualTo("PAE");
        assertThat(before.top().entries()).hasSize(4);
        assertThat(before.tables().get(l2Path).entries()).hasSize(512);
        PtEntry pte = before.tables().get(l1Path).entries().get((page >>> 12) & 511);
        assertThat(pte.present()).isTrue();
        assertThat(pte.flag(PageTables.RW)).isTrue();
        assertThat(pte.pfn()).isEqualTo(page >>> 12); // virt_base 0: pfn = va >> 12
        assertThat(pte.mfn()).isEqualTo(hv.current().mfn(page >>> 12));
        assertThat(pte.owner()).isEqualTo("d" + hv.current().id());
        assertThat(pte.type()).isEqualTo("WRITABLE");
        assertThat(before.tables().get(List.of(3)).entries().get(511).xen()).as("Xen's slots in L3 slot 3's L2")
            .isTrue();

        Stop s = e.runTo(MmGuest.symbol("after_batch"), 1_000_000);
        assertThat(s.reason()).isEqualTo(Stop.Reason.ADDRESS);
        LastBatch batch = new LastBatch();
        assertThat(batch.feed(hv.trace().events())).isTrue();
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.refused()).isEqualTo(1);
        PtReader.Space after = PtReader.read(hv, List.of(l1Path));
        PtEntry ro = after.tables().get(l1Path).entries().get((page >>> 12) & 511);
        PtEntry kept = after.tables().get(l1Path).entries().get((page2 >>> 12) & 511);
        assertThat(ro.flag(PageTables.RW)).isFalse();
        TraceEvent.Validation ok = batch.decision(ro.entryMa());
        TraceEvent.Validation no = batch.decision(kept.entryMa());
        assertThat(ok.accepted()).isTrue();
        assertThat(no.accepted()).isFalse();
        assertThat(no.rule()).isNotBlank();
        assertThat(kept.mfn()).as("a refused request changes nothing").isEqualTo(hv.current().mfn(page2 >>> 12));
    }
}
