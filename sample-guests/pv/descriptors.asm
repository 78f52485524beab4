; descriptors.asm: the guest's own GDT, and the segment descriptors Xen refuses or changes (paper 2.1.1: "guest OSes
; may not install fully-privileged segment descriptors and segments may not overlap the top end of the linear
; address space").
;
; 1. update_descriptor with a DPL-0 data segment: -EINVAL (only Xen runs in ring 0).
; 2. update_descriptor with a segment based inside Xen's area: -EINVAL.
; 3. set_gdt on a frame holding a DPL-0 descriptor: -EINVAL (Xen checks all 512 descriptors of every frame,
;    not only the entries the GDT will use).
; 4. update_descriptor with a flat 4 GiB ring-1 data segment: accepted, but Xen truncates the limit so the
;    segment ends where Xen's area begins (GUEST_SEGMENT_MAX_ADDR, 0xF5C00000 for a PAE guest).
; 5. update_va_mapping makes the GDT page read-only (as XTF does; a GDT frame may not stay writable), set_gdt
;    installs it, and DS is loaded from GDT entry 1: LSL shows the clipped limit.
;
; Same notes, layout and hypercall convention as hello.asm, through pv.inc. The guest finds the machine frame of its GDT page in
; start_info.mfn_list (virtual == pseudo-physical here, so pfn = va >> 12).
;
; expect-output: update_descriptor(DPL 0 data segment): -22
; expect-output: update_descriptor(segment based in Xen's area): -22
; expect-output: set_gdt(frame holding a DPL 0 descriptor): -22
; expect-output: update_descriptor(flat 4 GiB ring-1 data segment): 0
; expect-output: update_va_mapping(GDT page read-only): 0
; expect-output: set_gdt(1 frame, 2 entries): 0
; expect-output: GDT entry 1 as Xen stored it: 0x00cfb200 0x00005bff
; expect-output: DS = 0x0009 loaded, limit 0xf5bfffff: clipped below Xen's area
; expect-exit: 0
; max-instructions: 20000

%include "pv.inc"

; From ../include/xen/xen.h (the ones pv.inc does not already give).
__HYPERVISOR_update_descriptor  equ 10
PTE_P_A_D                       equ PTE_P | PTE_A | PTE_D   ; 0x61: present, accessed, dirty; not writable

; Descriptors as (high dword, low dword).
;   63..56 base 31:24 | 55 G | 54 D/B | 53 L | 52 AVL | 51..48 limit 19:16 | 47 P | 46..45 DPL | 44 S | 43..40 type
;   39..16 base 23:0  | 15..0 limit 15:0
DPL0_DATA_HI    equ 0x00CF9200      ; base 0, 4 GiB, ring 0, read/write
DPL0_DATA_LO    equ 0x0000FFFF
XEN_BASED_HI    equ 0xFCC0B200      ; base 0xFC000000 (inside Xen's area), ring 1
XEN_BASED_LO    equ 0x00000000
FLAT_DATA_HI    equ 0x00CFB200      ; base 0, limit 0xFFFFF pages (4 GiB), ring 1, read/write
FLAT_DATA_LO    equ 0x0000FFFF
OUR_DS          equ 0x0009          ; GDT entry 1, RPL 1

; say label: print the label, then EAX in signed decimal and a newline.
%macro say 1
    mov edx, %1
    call puts
    call print_dec
    mov edx, newline
    call puts
%endmacro

%macro update_descriptor 3
    mov ebx, [gdt_mfn]
    shl ebx, 12
    add ebx, %1 * 8                 ; ma_lo: machine address of the entry
    mov ecx, [gdt_mfn]
    shr ecx, 20                     ; ma_hi
    mov edx, %3                     ; descriptor, low dword
    mov esi, %2                     ; descriptor, high dword
    hypercall __HYPERVISOR_update_descriptor
%endmacro

section .text
global _start
_start:
    mov esp, stack_top
    mov eax, [esi + SI_MFN_LIST]
    mov ebx, gdt_page
    shr ebx, 12                     ; pfn of our GDT page
    mov eax, [eax + ebx * 4]        ; its machine frame
    mov [gdt_mfn], eax

    update_descriptor 1, DPL0_DATA_HI, DPL0_DATA_LO
    say msg_dpl0
    update_descriptor 1, XEN_BASED_HI, XEN_BASED_LO
    say msg_xen

    mov dword [gdt_page + 2 * 8], DPL0_DATA_LO   ; the page is still ours to write: hide a DPL-0 descriptor
    mov dword [gdt_page + 2 * 8 + 4], DPL0_DATA_HI
    mov ebx, gdt_mfn                ; set_gdt(frame_list, entries)
    mov ecx, 3
    hypercall __HYPERVISOR_set_gdt
    say msg_gdt_bad
    mov dword [gdt_page + 2 * 8], 0
    mov dword [gdt_page + 2 * 8 + 4], 0

    update_descriptor 1, FLAT_DATA_HI, FLAT_DATA_LO
    say msg_flat

    mov ebx, gdt_page               ; update_va_mapping(va, pte_lo, pte_hi, UVMF_INVLPG)
    mov ecx, [gdt_mfn]
    shl ecx, 12
    or ecx, PTE_P_A_D
    mov edx, [gdt_mfn]
    shr edx, 20
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    say msg_ro

    mov ebx, gdt_mfn
    mov ecx, 2
    hypercall __HYPERVISOR_set_gdt
    say msg_gdt_ok

    mov edx, msg_entry
    call puts
    mov eax, [gdt_page + 8 + 4]
    call print_hex
    mov edx, space
    call puts
    mov eax, [gdt_page + 8]
    call print_hex
    mov edx, newline
    call puts

    mov eax, OUR_DS
    mov ds, ax                      ; the CPU reads GDT entry 1 through Xen's mapping of our frame
    lsl eax, eax
    mov [limit], eax
    mov eax, [gdt_mfn]              ; a read through the new DS (base 0)
    mov edx, msg_ds
    call puts
    mov eax, [limit]
    call print_hex
    mov edx, msg_clipped
    call puts

    jmp poweroff

    PV_LIBRARY

section .rodata
msg_dpl0:       db "update_descriptor(DPL 0 data segment): ", 0
msg_xen:        db "update_descriptor(segment based in Xen's area): ", 0
msg_gdt_bad:    db "set_gdt(frame holding a DPL 0 descriptor): ", 0
msg_flat:       db "update_descriptor(flat 4 GiB ring-1 data segment): ", 0
msg_ro:         db "update_va_mapping(GDT page read-only): ", 0
msg_gdt_ok:     db "set_gdt(1 frame, 2 entries): ", 0
msg_entry:      db "GDT entry 1 as Xen stored it: ", 0
msg_ds:         db "DS = 0x0009 loaded, limit ", 0
msg_clipped:    db ": clipped below Xen's area", 10, 0
space:          db " ", 0
newline:        db 10, 0

    PV_TAIL "yes"

section .bss
alignb 4096
gdt_page:   resb 4096               ; our GDT: one frame, all descriptors zero (not present) at first
gdt_mfn:    resd 1                  ; frame_list of set_gdt: one machine frame number
limit:      resd 1
