package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.MemoryOp;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;

/**
 * Property-based test of the page-type rules: from a booted guest, random sequences of the operations a guest
 * can ask for — fill a spare frame with random plausible entries (own, spare, foreign frames, random bits), pin,
 * unpin, mmu_update, update_va_mapping, NEW_BASEPTR to a random candidate top and back, the balloon, set_gdt —
 * all through the real hypercall handlers. After every step: the domain is alive (a hypervisor exception would
 * have killed it), the invariant checker finds every count true, and no validated L1 maps a page-table or GDT
 * frame writable. A failure names the seed and the last steps, so it can be replayed.
 */
class MmPropertyTest {
    static final int RUNS = 100;
    static final int STEPS = 200;
    static final long BASE_SEED = 0x5EED_0006L;
    /** Spare frames (beyond the boot mapping) the operations pick from. */
    static final int POOL = 12;
    /** Pages at the top of the boot mapping that update_va_mapping may remap (the boot slack, unused). */
    static final int WINDOW = 16;
    /** Page-directory slots from here on map nothing at boot: random updates of live directories stay there. */
    static final int FREE_L2_SLOT = 0x100;

    @ParameterizedTest
    @EnumSource(GuestFlavour.class)
    void randomOperationsNeverBreakTheFrameTable(GuestFlavour fl) {
        long total = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = BASE_SEED + 1000L * fl.ordinal() + run;
            Run r = new Run(fl, seed);
            r.go();
            total += r.steps;
        }
        assertThat(total).as("steps done (runs end early only when the guest strands itself)")
            .isGreaterThan(RUNS * STEPS / 2);
    }

    /** One random run: a fresh guest and {@link #STEPS} operations drawn from {@code seed}. */
    private static final class Run {
        private final long seed;
        private final Random rnd;
        private final PvFixture f;
        private final GuestFlavour fl;
        private final FrameTable ft;
        private final PhysicalMemory mem;
        private final List<Integer> pool = new ArrayList<>();
        private final int bootTop;
        private final Deque<String> log = new ArrayDeque<>();
        /** The boot top could not be taken back (given back, or made writable): the run ends early. */
        private boolean stranded;
        int steps;

        Run(GuestFlavour fl, long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.fl = fl;
            this.f = PvFixture.boot(fl == GuestFlavour.PAE, "    jmp $\n");
            this.ft = f.hv.frames();
            this.mem = f.hv.machine().memory();
            int first = f.built.layout().mappedEnd() >>> 12;
            for (int i = 0; i < POOL; i++) {
                pool.add(f.d.mfn(first + i));
            }
            bootTop = f.cpu().cr(3) >>> 12;
        }

        void go() {
            for (int step = 0; step < STEPS && !stranded; step++) {
                String what;
                try {
                    what = step();
                } catch (RuntimeException e) {
                    throw new AssertionError("step threw " + e + "\n" + where(step), e);
                }
                log.addLast(step + ": " + what);
                if (log.size() > 12) {
                    log.removeFirst();
                }
                check(step);
                steps++;
            }
        }

        private String step() {
            int op = rnd.nextInt(100);
            if (op < 18) {
                return fill();
            } else if (op < 30) {
                return pin();
            } else if (op < 38) {
                int mfn = any();
                return "unpin " + hex(mfn) + " -> " + ext(4, mfn);
            } else if (op < 58) {
                return mmuUpdate();
            } else if (op < 72) {
                return updateVaMapping();
            } else if (op < 82) {
                return baseptr();
            } else if (op < 92) {
                return balloon();
            }
            return setGdt();
        }

        // ------------------------------------------------------------------ operations

        /** Writes random entries into a spare frame the guest could write (not a table or GDT in use). */
        private String fill() {
            int mfn = pick();
            if (!ft.valid(mfn) || ft.owner(mfn) != f.d.id() || (ft.type(mfn).isProtected() && ft.typeCount(mfn) > 0)) {
                return "fill " + hex(mfn) + ": not writable by the guest";
            }
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                int index = fl == GuestFlavour.PAE && rnd.nextBoolean() ? rnd.nextInt(4) : rnd.nextInt(64);
                PageTables.write(mem, fl, mfn, index, entry());
            }
            return "fill " + hex(mfn) + " with " + n + " entries";
        }

        private String pin() {
            int mfn = any();
            int level = rnd.nextInt(fl == GuestFlavour.PAE ? 3 : 2);
            return "pin L" + (level + 1) + " " + hex(mfn) + " -> " + ext(level, mfn);
        }

        /** A random entry of a spare frame, or of a live table at an index that maps nothing the test needs. */
        private String mmuUpdate() {
            int mfn;
            int index;
            int cr3 = f.cpu().cr(3);
            if (rnd.nextInt(4) == 0) {
                mfn = cr3 >>> 12; // the current top-level table
                index = fl == GuestFlavour.PAE ? 1 + rnd.nextInt(3) : FREE_L2_SLOT + rnd.nextInt(0x300);
            } else if (rnd.nextInt(4) == 0) {
                int va = window();
                mfn = PageTables.l1For(mem, fl, cr3 >>> 12, fl == GuestFlavour.PAE ? cr3 & 0xFE0 : 0, va);
                index = PageTables.l1Index(fl, va);
                if (mfn < 0) {
                    return "mmu_update: no L1 maps the window";
                }
            } else {
                mfn = any();
                index = rnd.nextInt(fl == GuestFlavour.PAE ? 512 : 1024);
                if (mfn == cr3 >>> 12 && fl == GuestFlavour.PAE) {
                    index = 1 + rnd.nextInt(3); // slot 0 maps the boot mapping (and the scratch buffer)
                } else if ((mfn == lowL2() || mfn == cr3 >>> 12) && index < FREE_L2_SLOT) {
                    index += FREE_L2_SLOT;
                }
            }
            long e = entry();
            int req = f.scratch();
            long ptr = ((long) mfn << 12) + (long) index * fl.pteSize() | (rnd.nextInt(8) == 0 ? 2 : 0);
            f.mem().write32(req, (int) ptr);
            f.mem().write32(req + 4, (int) (ptr >>> 32));
            f.mem().write32(req + 8, (int) e);
            f.mem().write32(req + 12, (int) (e >>> 32));
            return String.format("mmu_update %s[%d] = 0x%x -> %d", hex(mfn), index, e,
                f.call("mmu_update", req, 1, req + 64, DomId.DOMID_SELF));
        }

        private String updateVaMapping() {
            int va = window();
            long e = rnd.nextInt(5) == 0 ? 0 : entry();
            int flags = rnd.nextInt(3);
            return String.format("update_va_mapping 0x%x = 0x%x -> %d", va, e,
                f.call("update_va_mapping", va, (int) e, (int) (e >>> 32), flags));
        }

        /** NEW_BASEPTR to a candidate top that maps the boot mapping, to a random frame, or back to the boot top. */
        private String baseptr() {
            int target;
            int r = rnd.nextInt(3);
            if (r == 0) {
                target = bootTop;
            } else if (r == 1) {
                target = candidateTop();
                if (target < 0) {
                    return "new_baseptr: no writable spare frame for a candidate";
                }
            } else {
                target = any();
            }
            String done = "new_baseptr " + hex(target) + " -> " + ext(5, target);
            if (!scratchMapped()) {
                // A random top that does not map the scratch buffer: Xen's own switch takes the guest back home
                // (the hypercall path would need a request in guest memory the new space cannot reach).
                try {
                    f.hv.newBaseptr(f.d, bootTop);
                    done += ", and back";
                } catch (org.xenoscope.xen.mm.MmRefused refused) {
                    stranded = true;
                    done += ", stranded: " + refused.getMessage();
                }
            }
            return done;
        }

        private boolean scratchMapped() {
            try {
                f.mem().write32(f.scratch(), f.mem().read32(f.scratch()));
                f.mem().write32(f.scratch() + 4096 - 4, 0);
                return true;
            } catch (HypercallError e) {
                return false;
            }
        }

        /** A spare frame made into a copy of the boot top's guest part (so the scratch buffer stays mapped). */
        private int candidateTop() {
            int mfn = pick();
            if (!ft.valid(mfn) || ft.owner(mfn) != f.d.id() || (ft.type(mfn).isProtected() && ft.typeCount(mfn) > 0)) {
                return -1;
            }
            if (fl == GuestFlavour.PAE) {
                int l2x = pick();
                mem.zero((long) mfn << 12, 4096);
                mem.writeQword((long) mfn << 12, mem.readQword((long) bootTop << 12)); // slot 0: the boot L2
                mem.writeQword(((long) mfn << 12) + 24, ((long) l2x << 12) | 1);
            } else {
                for (int i = 0; i < FREE_L2_SLOT; i++) {
                    mem.writeDword(((long) mfn << 12) + 4L * i, mem.readDword(((long) bootTop << 12) + 4L * i));
                }
            }
            return mfn;
        }

        private String balloon() {
            if (rnd.nextInt(3) == 0) {
                int slot = rnd.nextInt(pool.size());
                int got = reservation(MemoryOp.XENMEM_INCREASE_RESERVATION, 0);
                if (got == 1) {
                    pool.set(slot, f.mem().read32(f.scratch() + 2048));
                }
                return "increase_reservation -> " + got;
            }
            int mfn = rnd.nextInt(10) == 0 ? f.d.mfn(rnd.nextInt(f.d.nrPages())) : any();
            return "decrease_reservation " + hex(mfn) + " -> " + reservation(MemoryOp.XENMEM_DECREASE_RESERVATION, mfn);
        }

        private int reservation(int cmd, int value) {
            int r = f.scratch() + 1024;
            int list = f.scratch() + 2048;
            f.mem().write32(list, value);
            f.mem().write32(r, list);
            f.mem().write32(r + 4, 1);
            f.mem().write32(r + 8, 0);
            f.mem().write16(r + 16, DomId.DOMID_SELF);
            return f.call("memory_op", cmd, r);
        }

        private String setGdt() {
            int mfn = any();
            int list = f.scratch() + 3072;
            f.mem().write32(list, mfn);
            int entries = 1 + rnd.nextInt(512);
            return "set_gdt " + hex(mfn) + " -> " + f.call("set_gdt", list, entries);
        }

        // ------------------------------------------------------------------ random values

        /** A present or absent entry naming a spare, own, foreign or boot-table frame, with random flag bits. */
        private long entry() {
            int r = rnd.nextInt(10);
            int frame;
            if (r < 5) {
                frame = pick();
            } else if (r < 7) {
                frame = f.d.mfn(rnd.nextInt(f.d.nrPages())); // any own frame, the boot tables included
            } else if (r < 8) {
                frame = rnd.nextBoolean() ? f.d.sharedInfoMfn() : f.hv.area().zeroMfn(); // Xen's frames
            } else if (r < 9) {
                frame = rnd.nextInt(ft.frames() + 16); // anything, even beyond the machine
            } else {
                frame = bootTop;
            }
            long flags = rnd.nextInt(6) == 0 ? 0 : 1; // P
            flags |= rnd.nextBoolean() ? 2 : 0; // RW
            flags |= rnd.nextBoolean() ? 4 : 0; // US
            flags |= rnd.nextBoolean() ? 0x60 : 0; // A, D
            if (rnd.nextInt(20) == 0) {
                flags |= rnd.nextBoolean() ? 0x80 : 0x100; // PAT/PSE or Global: refused
            }
            if (fl == GuestFlavour.PAE && rnd.nextInt(40) == 0) {
                flags |= 1L << 63; // NX: refused here
            }
            return ((long) frame << 12) | flags;
        }

        private int pick() {
            return pool.get(rnd.nextInt(pool.size()));
        }

        /** A spare frame mostly, sometimes a boot table or the current top. */
        private int any() {
            int r = rnd.nextInt(10);
            if (r == 0) {
                return f.cpu().cr(3) >>> 12;
            } else if (r == 1) {
                return lowL2();
            }
            return pick();
        }

        private int lowL2() {
            return fl == GuestFlavour.PAE ? PageTables.frame(mem.readQword((long) bootTop << 12)) : bootTop;
        }

        private int window() {
            return f.built.layout().mappedEnd() - 4096 * (1 + rnd.nextInt(WINDOW));
        }

        private int ext(int cmd, int arg1) {
            int op = f.scratch() + 128;
            f.mem().write32(op, cmd);
            f.mem().write32(op + 4, arg1);
            f.mem().write32(op + 8, 0);
            return f.call("mmuext_op", op, 1, 0, DomId.DOMID_SELF);
        }

        private static String hex(int mfn) {
            return "mfn 0x" + Integer.toHexString(mfn);
        }

        // ------------------------------------------------------------------ the properties

        private String where(int step) {
            return "seed " + seed + " (" + fl + "), step " + step + "; last steps:\n  " + String.join("\n  ", log);
        }

        private void check(int step) {
            String where = where(step);
            assertThat(f.d.dead()).as("domain killed: %s\n%s", f.d.endReason(), where).isFalse();
            assertThat(f.hv.checkFrameTable(null)).as(where).isEmpty();
            assertThat(writableTableMappings()).as(where).isEmpty();
        }

        /** Present RW entries of validated L1s that map a frame in use as a page table, GDT or LDT. */
        private List<String> writableTableMappings() {
            List<String> bad = new ArrayList<>();
            for (int t = 0; t < ft.frames(); t++) {
                if (ft.type(t) != FrameType.L1 || !ft.validated(t) || ft.typeCount(t) == 0) {
                    continue;
                }
                for (int i = 0; i < fl.pagingMode().entries(); i++) {
                    long e = PageTables.read(mem, fl, t, i);
                    int target = PageTables.frame(e);
                    if ((e & 3) == 3 && ft.valid(target) && ft.type(target).isProtected()
                        && ft.typeCount(target) > 0) {
                        bad.add(String.format("L1 mfn 0x%x entry %d maps %s mfn 0x%x writable", t, i,
                            ft.type(target), target));
                    }
                }
            }
            return bad;
        }
    }
}
