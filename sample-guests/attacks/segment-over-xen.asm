; segment-over-xen.asm (attack g): a segment that covers Xen.
;
; Paging cannot keep ring 1 out of Xen's supervisor pages; segment limits do (paper 2.1.1: "segments may not
; overlap the top end of the linear address space"). Xen checks every descriptor a guest installs (xen-abi.md
; 4.8): a base must lie a page below GUEST_SEGMENT_MAX_ADDR (0xF5C00000 for PAE); a limit reaching past it is
; clipped to end there, which only works for a 4 KiB-granular segment (a byte-granular one is refused); DPL 0 is
; refused; the only system descriptor allowed is a call gate into the guest's own code.
;
; 1. a byte-granular data segment from 0xF5B80000 over 1 MiB (into Xen): refused.  2. a flat segment based in
; Xen's area: refused.  3. a call gate into Xen's ring-0 code selector 0xE008: refused.  4. a flat 4 GiB data
; segment: accepted but clipped: the guest installs it with set_gdt, loads it into DS and reads its limit with
; LSL; the limit must end below 0xF5C00000.
;
; expect-output: attack (g): a segment that covers Xen
; expect-output: update_descriptor(byte-granular, 0xf5b80000 + 1 MiB): -22
; expect-output: update_descriptor(based at 0xf5c00000, Xen's area): -22
; expect-output: update_descriptor(call gate to Xen's code 0xe008): -22
; expect-output: update_descriptor(flat 4 GiB data segment): 0
; expect-output: update_va_mapping(GDT page read-only): 0
; expect-output: set_gdt(1 frame, 2 entries): 0
; expect-output: LSL of the flat segment: 0xf5bfffff (clipped below Xen's area)
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

OUR_DS      equ 0x0009              ; GDT entry 1, RPL 1

; update_descriptor(entry 1 of our GDT page, high dword %1, low dword %2). EAX = result.
%macro DESCRIPTOR 2
    mov ebx, [gdt_mfn]
    shl ebx, 12
    add ebx, 8                      ; ma_lo: entry 1
    xor ecx, ecx                    ; ma_hi
    mov edx, %2                     ; descriptor, low dword
    mov esi, %1                     ; descriptor, high dword
    hypercall __HYPERVISOR_update_descriptor
%endmacro

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov eax, gdt_page
    call mfn_of_va
    mov [gdt_mfn], eax

    ;          63..56 base 31:24 | 55 G | 54 D/B | 51..48 limit 19:16 | 47 P | 46..45 DPL | 44 S | 43..40 type
    ;          39..16 base 23:0  | 15..0 limit 15:0
    DESCRIPTOR 0xF54FB2B8, 0x0000FFFF   ; 1. base 0xF5B80000, limit 0xFFFFF bytes, G = 0, ring 1 data
    REFUSED msg_bytes
    DESCRIPTOR 0xF5CFB2C0, 0x0000FFFF   ; 2. base 0xF5C00000, 4 GiB, G = 1
    REFUSED msg_based
    DESCRIPTOR 0x0010AC00, 0xE0080000   ; 3. call gate, DPL 1, target 0xE008:0x00100000
    REFUSED msg_gate
    DESCRIPTOR 0x00CFB200, 0x0000FFFF   ; 4. base 0, limit 0xFFFFF pages (4 GiB), ring 1 data
    MUST msg_flat

    mov ebx, gdt_page                   ; a GDT frame may not stay writable
    mov eax, [gdt_mfn]
    mov ecx, PTE_RO_FLAGS
    call map_page
    MUST msg_ro
    mov ebx, gdt_mfn                    ; set_gdt(frame_list, entries)
    mov ecx, 2
    hypercall __HYPERVISOR_set_gdt
    MUST msg_set_gdt

    mov eax, OUR_DS
    mov ds, ax
    lsl eax, eax
    mov ecx, FLAT_RING1_DS
    mov ds, cx
    mov [limit], eax
    mov edx, msg_lsl
    call puts
    call print_hex
    cmp eax, 0xF5C00000 - 1
    ja .not_clipped
    mov edx, msg_clipped
    call puts
    jmp all_refused
.not_clipped:
    mov edx, newline
    call puts
    jmp broken

    ATTACK_LIBRARY

section .rodata
msg_title:      db "attack (g): a segment that covers Xen", 10, 0
msg_bytes:      db "update_descriptor(byte-granular, 0xf5b80000 + 1 MiB): ", 0
msg_based:      db "update_descriptor(based at 0xf5c00000, Xen's area): ", 0
msg_gate:       db "update_descriptor(call gate to Xen's code 0xe008): ", 0
msg_flat:       db "update_descriptor(flat 4 GiB data segment): ", 0
msg_ro:         db "update_va_mapping(GDT page read-only): ", 0
msg_set_gdt:    db "set_gdt(1 frame, 2 entries): ", 0
msg_lsl:        db "LSL of the flat segment: ", 0
msg_clipped:    db " (clipped below Xen's area)", 10, 0

    ATTACK_TAIL
gdt_mfn:    resd 1
limit:      resd 1
alignb 4096
gdt_page:   resb 4096
