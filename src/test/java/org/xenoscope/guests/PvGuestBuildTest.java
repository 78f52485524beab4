package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.elf.ElfImage.Note;
import org.xenoscope.asm.elf.ElfImage.Section;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.asm.nasm.Assembly;
import org.xenoscope.guests.PvGuests.PvGuest;
import org.xenoscope.testutil.Tools;

/**
 * Builds the PV sample guests (sample-guests/pv) with gcc, ld and nasm and checks what the domain builder will
 * rely on: the Xen ELF notes (pv-guest-start-of-day.md 1.3), a page-aligned hypercall page inside .text, the
 * load address. Runs the Linux build of each guest of LINUX_GUESTS under the hostxen stand-in and holds it to its
 * header. The runs on Xenoscope's hypervisor are {@link XenoscopePvGuestsTest}.
 *
 * <p>Two guests differ from the rest on purpose: {@code hello-2level-asm} has no PAE_MODE note (a 2-level guest,
 * the paper's flavour) and {@code xtf-like} carries XTF's notes (no VIRT_BASE, PADDR_OFFSET or ENTRY; FEATURES)
 * and a hypercall page of {@code ret} (0xC3) like XTF's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PvGuestBuildTest {
    // Xen note types (sample-guests/include/xen/elfnote.h).
    private static final int ENTRY = 1;
    private static final int HYPERCALL_PAGE = 2;
    private static final int VIRT_BASE = 3;
    private static final int PADDR_OFFSET = 4;
    private static final int XEN_VERSION = 5;
    private static final int GUEST_OS = 6;
    private static final int GUEST_VERSION = 7;
    private static final int LOADER = 8;
    private static final int PAE_MODE = 9;
    private static final int FEATURES = 10;
    private static final String XTF_LIKE = "xtf-like";
    private static final String TWO_LEVEL = "hello-2level-asm";
    private static final int PAGE = 4096;
    private static final int LOAD_BASE = 0x100000;

    private Path build;

    @BeforeAll
    void buildGuests() {
        build = PvGuests.build();
    }

    static List<PvGuest> guests() {
        return PvGuests.guests();
    }

    /** The guests with this project's own notes (hello.asm's set): all but xtf-like. */
    static List<PvGuest> ownNoteGuests() {
        return PvGuests.guests().stream().filter(g -> !g.name().equals(XTF_LIKE)).toList();
    }

    static List<PvGuest> linuxGuests() {
        return PvGuests.linuxGuests();
    }

    private ElfImage elf(PvGuest g) throws IOException {
        Path file = g.elf(build);
        return ElfImage.parse(file.toString(), Files.readAllBytes(file));
    }

    @Test
    void everyShippedGuestIsFoundAndBuilt() {
        assertThat(PvGuests.guests()).extracting(PvGuest::name).containsExactly("bad-stack-asm",
            "descriptors-asm", "hello", "hello-2level-asm", "hello-asm", "privops-asm", "pvinfo", "ring-console",
            "ring0-handler-asm", "syscall-asm", "trap-pf-asm", "xen-way-asm", XTF_LIKE);
        assertThat(PvGuests.linuxGuests()).extracting(PvGuest::name).containsExactly("hello", "hello-asm", "pvinfo");
        for (PvGuest g : PvGuests.guests()) {
            assertThat(g.elf(build)).isRegularFile();
            if (PvGuests.linuxGuests().contains(g)) {
                assertThat(g.linux(build)).isRegularFile();
            } else {
                assertThat(g.linux(build)).as("hostxen cannot run %s", g.name()).doesNotExist();
            }
        }
        assertThat(build.resolve("obj/headers.ok")).as("every xen/*.h compiles on its own").isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guests")
    void headerUsesThePvExitStatuses(PvGuest g) {
        assertThat(g.expected().exitStatus()).as("0 = SHUTDOWN_poweroff, 1 = crash").isIn(0, 1);
        assertThat(g.expected().lines()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}.elf")
    @MethodSource("ownNoteGuests")
    void xenNotesDescribeTheGuest(PvGuest g) throws IOException {
        ElfImage img = elf(g);
        Map<Integer, Note> notes = xenNotes(img);
        if (g.name().equals(TWO_LEVEL)) {
            assertThat(notes).as("a 2-level guest has no PAE_MODE note").containsOnlyKeys(ENTRY, HYPERCALL_PAGE,
                VIRT_BASE, PADDR_OFFSET, XEN_VERSION, GUEST_OS, GUEST_VERSION, LOADER);
            return;
        }
        assertThat(notes).containsOnlyKeys(ENTRY, HYPERCALL_PAGE, VIRT_BASE, PADDR_OFFSET, XEN_VERSION, GUEST_OS,
            GUEST_VERSION, LOADER, PAE_MODE);
        assertThat(notes.get(GUEST_OS).descString()).isEqualTo("Xenoscope");
        assertThat(notes.get(GUEST_VERSION).descString()).isEqualTo("1");
        assertThat(notes.get(XEN_VERSION).descString()).isEqualTo("xen-3.0");
        assertThat(notes.get(LOADER).descString()).isEqualTo("generic");
        assertThat(notes.get(PAE_MODE).descString()).isEqualTo("yes");
        assertThat(notes.get(VIRT_BASE).descNumber()).isZero();
        assertThat(notes.get(PADDR_OFFSET).descNumber()).isZero();
        assertThat(notes.get(ENTRY).descNumber()).as("ENTRY = e_entry").isEqualTo(img.entry());
        assertThat(notes.get(ENTRY).desc()).hasSize(4);
        assertThat(notes.get(HYPERCALL_PAGE).desc()).hasSize(4);
    }

    /** XTF's notes (pv-guest-start-of-day.md 1.3): the loader's defaults stand for VIRT_BASE, PADDR_OFFSET, ENTRY. */
    @Test
    void xtfLikeGuestCarriesXtfsNotes() throws IOException {
        Map<Integer, Note> notes = xenNotes(elf(guest(XTF_LIKE)));
        assertThat(notes).containsOnlyKeys(GUEST_OS, GUEST_VERSION, LOADER, HYPERCALL_PAGE, XEN_VERSION, FEATURES,
            PAE_MODE);
        assertThat(notes.get(FEATURES).descString()).isEqualTo("!writable_page_tables|pae_pgdir_above_4gb");
        assertThat(notes.get(PAE_MODE).descString()).isEqualTo("yes");
        assertThat(notes.get(XEN_VERSION).descString()).isEqualTo("xen-3.0");
    }

    @ParameterizedTest(name = "{0}.elf")
    @MethodSource("guests")
    void hypercallPageIsAnUnfilledPageInsideText(PvGuest g) throws IOException {
        ElfImage img = elf(g);
        int page = (int) xenNotes(img).get(HYPERCALL_PAGE).descNumber();
        assertThat(img.symbol("hypercall_page")).as("hypercall_page symbol").isPresent();
        assertThat(img.symbol("hypercall_page").get().value()).isEqualTo(page);
        assertThat(page % PAGE).as("hypercall page 0x%x page-aligned", page).isZero();
        Section text = img.codeSections().stream().filter(s -> s.name().equals(".text")).findFirst().orElseThrow();
        assertThat(page).isGreaterThanOrEqualTo(text.addr());
        assertThat(page + PAGE).as("hypercall page inside .text").isLessThanOrEqualTo(text.addr() + text.size());
        byte[] bytes = text.data();
        // ud2 (0F 0B) throughout; XTF's page (and xtf-like's) is ret (C3) throughout, which the guest checks for.
        byte[] fill = g.name().equals(XTF_LIKE) ? new byte[] {(byte) 0xC3, (byte) 0xC3} : new byte[] {0x0F, 0x0B};
        for (int i = page - text.addr(); i < page - text.addr() + PAGE; i += 2) {
            assertThat(new byte[] {bytes[i], bytes[i + 1]}).as("filler at 0x%x", text.addr() + i)
                .containsExactly(fill);
        }
    }

    @ParameterizedTest(name = "{0}.elf")
    @MethodSource("guests")
    void imageLoadsAtOneMibWithEntryInCode(PvGuest g) throws IOException {
        ElfImage img = elf(g);
        assertThat(img.segments()).hasSize(2);
        ElfImage.Segment text = img.segments().get(0);
        ElfImage.Segment data = img.segments().get(1);
        assertThat(text.vaddr()).isEqualTo(LOAD_BASE);
        assertThat(text.paddr()).as("PADDR_OFFSET 0: paddr == vaddr").isEqualTo(text.vaddr());
        assertThat(text.executable()).isTrue();
        assertThat(text.writable()).isFalse();
        assertThat(data.writable()).isTrue();
        assertThat(data.executable()).isFalse();
        assertThat(data.vaddr() % PAGE).isZero();
        assertThat(Integer.toUnsignedLong(img.entry())).isBetween((long) text.vaddr(),
            (long) text.vaddr() + text.memSize() - 1);
        assertThat(img.symbol("_start").get().value()).isEqualTo(img.entry());
    }

    @Test
    void cAndAssemblyHelloCarryTheSameMetadata() throws IOException {
        ElfImage c = elf(guest("hello"));
        ElfImage asm = elf(guest("hello-asm"));
        Map<Integer, Note> cn = xenNotes(c);
        Map<Integer, Note> an = xenNotes(asm);
        assertThat(an.keySet()).isEqualTo(cn.keySet());
        for (int type : List.of(XEN_VERSION, GUEST_OS, GUEST_VERSION, LOADER, PAE_MODE, VIRT_BASE, PADDR_OFFSET)) {
            assertThat(an.get(type).desc()).as("note type %d", type).isEqualTo(cn.get(type).desc());
        }
        for (ElfImage img : List.of(c, asm)) {
            assertThat(xenNotes(img).get(ENTRY).descNumber()).isEqualTo(img.entry());
            assertThat(xenNotes(img).get(HYPERCALL_PAGE).descNumber() % PAGE).isZero();
        }
        assertThat(layout(asm)).as("segments (vaddr, flags)").isEqualTo(layout(c));
        assertThat(asm.entry()).isEqualTo(c.entry()).isEqualTo(LOAD_BASE);
    }

    /**
     * The toolchain-free path: Xenoscope's own assembler ({@code xenoscope asm -f elf}) lays hello.asm out by
     * itself (no linker script), yet the kernel must carry the same notes as the nasm + ld build, with ENTRY and
     * HYPERCALL_PAGE pointing at its own _start and page-aligned hypercall page in the loaded code.
     */
    @Test
    void ownAssemblerBuildsTheAssemblyGuestWithTheSameNotes() throws IOException {
        PvGuest g = guest("hello-asm");
        Assembly a = Assembler.assembleFile(g.source(), Assembler.Options.elf());
        ElfImage own = ElfImage.parse(g.name() + ".elf", a.image());
        Map<Integer, Note> on = xenNotes(own);
        Map<Integer, Note> ln = xenNotes(elf(g));
        assertThat(on.keySet()).isEqualTo(ln.keySet());
        for (int type : List.of(XEN_VERSION, GUEST_OS, GUEST_VERSION, LOADER, PAE_MODE, VIRT_BASE, PADDR_OFFSET)) {
            assertThat(on.get(type).desc()).as("note type %d", type).isEqualTo(ln.get(type).desc());
        }
        assertThat(on.get(ENTRY).descNumber()).isEqualTo(own.entry()).isEqualTo(own.symbol("_start").get().value());
        int page = (int) on.get(HYPERCALL_PAGE).descNumber();
        assertThat(page).isEqualTo(own.symbol("hypercall_page").get().value());
        assertThat(page % PAGE).isZero();
        ElfImage.Segment code = own.segments().get(0);
        assertThat(code.executable()).isTrue();
        assertThat(Integer.toUnsignedLong(page) + PAGE).isLessThanOrEqualTo(Integer.toUnsignedLong(code.vaddr())
            + code.fileSize());
        assertThat(code.vaddr()).isEqualTo(LOAD_BASE);
    }

    @ParameterizedTest(name = "{0}.linux")
    @MethodSource("linuxGuests")
    void linuxBuildUnderHostxenPrintsTheExpectedOutput(PvGuest g) {
        Tools.Result r = Tools.run(build, List.of(g.linux(build).toString()), GuestBuilds.RUN_TIMEOUT);
        assertThat(g.expected().mismatch(r.stdout())).as("output of %s.linux:%n%s", g.name(), r.stdout()).isEmpty();
        assertThat(r.exitCode()).as("exit status of %s.linux", g.name()).isEqualTo(g.expected().exitStatus());
        assertThat(r.stderr()).isEmpty();
    }

    private static List<String> layout(ElfImage img) {
        return img.segments().stream().map(s -> String.format("0x%08x %d", s.vaddr(), s.flags())).toList();
    }

    private static PvGuest guest(String name) {
        return PvGuests.guests().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** The "Xen" notes by type; a type given twice fails the test. */
    private static Map<Integer, Note> xenNotes(ElfImage img) {
        Map<Integer, Note> byType = new TreeMap<>();
        for (Note n : img.notes()) {
            if (n.name().equals("Xen")) {
                assertThat(byType.put(n.type(), n)).as("Xen note type %d given once", n.type()).isNull();
            }
        }
        return byType;
    }
}
