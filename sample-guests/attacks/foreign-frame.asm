; foreign-frame.asm (attack e): map a machine frame that is not ours.
;
; Every L1 entry takes a general reference on the frame it maps, and Xen gives that only to the frame's owner
; (or the domain Xen shares one of its own frames with, such as shared_info): xen-abi.md 4.3 (b). The guest
; knows its own frames (start_info.mfn_list, the P2M); anything else belongs to Xen, another domain, or nobody.
;
; 1. the machine frame after the highest one in our P2M (free, or another domain's), read-only with update_va_mapping;  2. the same with
; mmu_update;  3. one of Xen's own page tables: the L1 that maps the read-only M2P, named by Xen's first slot in
; the L2 of L3 slot 3 (which we can read);  4. a frame beyond the machine's memory;  5. mmu_update on behalf of
; domain 0 (foreigndom): -EPERM, only a privileged domain may name another.
;
; expect-output: attack (e): map a machine frame that is not ours
; expect-output-match: the frame after our highest one: mfn 0x[0-9a-f]{8}
; expect-output: update_va_mapping(target -> that frame, read-only): -22
; expect-output: mmu_update(PTE of target -> that frame, read-only): -22
; expect-output-match: Xen's L1 for the M2P: mfn 0x[0-9a-f]{8}
; expect-output: update_va_mapping(target -> Xen's L1, read-only): -22
; expect-output: update_va_mapping(target -> mfn 0x000fffff, beyond memory): -22
; expect-output: mmu_update(..., foreigndom 0): -1
; expect-output: refused
; expect-exit: 0
; max-instructions: 200000

%include "attack.inc"

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts

    mov ebx, [start_info]           ; the frame after our highest one: max(mfn_list[0 .. nr_pages-1]) + 1
    mov ecx, [ebx + SI_NR_PAGES]
    mov edi, [ebx + SI_MFN_LIST]
    xor eax, eax
.scan:
    cmp [edi], eax
    jb .next
    mov eax, [edi]
.next:
    add edi, 4
    loop .scan
    inc eax
    mov [foreign], eax
    mov edx, msg_found
    call puts
    call print_hex
    mov edx, newline
    call puts

    mov ebx, target                 ; 1. update_va_mapping
    mov eax, [foreign]
    mov ecx, PTE_RO_FLAGS
    call map_page
    REFUSED msg_uvm
    mov eax, target                 ; 2. mmu_update
    call pte_ma
    mov ebx, eax
    mov ecx, [foreign]
    shl ecx, 12
    or ecx, PTE_RO_FLAGS
    xor edx, edx
    call mmu_update1
    REFUSED msg_mmu

    mov eax, 0xC0000000             ; 3. Xen's L1 of the M2P: entry FIRST_XEN_L2_SLOT of the L2 of L3 slot 3
    call l2_of_va
    call va_of_mfn
    mov eax, [eax + FIRST_XEN_L2_SLOT * PTE_SIZE]
    shr eax, 12
    mov [foreign], eax
    mov edx, msg_xen
    call puts
    call print_hex
    mov edx, newline
    call puts
    mov ebx, target
    mov eax, [foreign]
    mov ecx, PTE_RO_FLAGS
    call map_page
    REFUSED msg_uvm_xen

    mov ebx, target                 ; 4. beyond memory
    mov eax, 0xFFFFF
    mov ecx, PTE_RO_FLAGS
    call map_page
    REFUSED msg_beyond

    mov eax, target                 ; 5. a request for domain 0's tables
    call pte_ma
    mov [mmu_req], eax
    mov dword [mmu_req + 4], 0
    mov dword [mmu_req + 8], 0
    mov dword [mmu_req + 12], 0
    mov ebx, mmu_req
    mov ecx, 1
    mov edx, done
    xor esi, esi                    ; foreigndom = 0
    hypercall __HYPERVISOR_mmu_update
    REFUSED msg_foreigndom
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:      db "attack (e): map a machine frame that is not ours", 10, 0
msg_found:      db "the frame after our highest one: mfn ", 0
msg_uvm:        db "update_va_mapping(target -> that frame, read-only): ", 0
msg_mmu:        db "mmu_update(PTE of target -> that frame, read-only): ", 0
msg_xen:        db "Xen's L1 for the M2P: mfn ", 0
msg_uvm_xen:    db "update_va_mapping(target -> Xen's L1, read-only): ", 0
msg_beyond:     db "update_va_mapping(target -> mfn 0x000fffff, beyond memory): ", 0
msg_foreigndom: db "mmu_update(..., foreigndom 0): ", 0

    ATTACK_TAIL
foreign:    resd 1
alignb 4096
target:     resb 4096
