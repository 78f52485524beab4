; xen-way.asm: build an address space the Xen way (paper 3.3.3; xen-abi.md 4.5-4.7).
;
; A PV guest owns its page tables: they are ordinary frames of its own memory, and the CPU walks them directly.
; What Xen controls is how they change. A frame is a page table only while it is typed L1/L2/L3, and a frame of
; such a type can never be mapped writable; so the guest builds a table while the frame is still plain data,
; then gives up write access, then asks Xen to take the frame as a table (Xen validates every entry then), and
; from then on changes it only with hypercalls that Xen checks entry by entry. Step by step (PAE, 3 levels):
;
;   1. allocate   take free frames: pseudo-physical frames at the top of our memory, beyond the boot mapping
;                 (no page table maps them), and their machine frames from start_info.mfn_list
;   2. fill       map each one writable into a free virtual window (update_va_mapping), clear it, write entries
;   3. read-only  map the window pages read-only: the frames are writable nowhere, so they may become tables
;   4. pin        MMUEXT_PIN_L3_TABLE: Xen validates the L3, its L2s, their L1s (and writes its own slots into
;                 the L2 of L3 slot 3); the pin keeps them validated while they are not in CR3
;   5. switch     MMUEXT_NEW_BASEPTR: CR3 now points at our L3
;   6. update     one mmu_update with a batch of 4 PTE writes; *pdone says how many were done
;   7. back       NEW_BASEPTR to the builder's L3, UNPIN our L3: its type count drops to 0, Xen tears the tree
;                 down (releases every reference its entries held), and the frames are plain data again
;
;   the new tree:   L3 --[0]--> L2 --[0]--> boot L1 (0 .. 2 MiB: our code, data, stack; shared with the old tree)
;                    |               [1]--> boot L1 (2 .. 4 MiB)
;                    |               [2]--> new L1 --[0..4]--> the data frame  (va 0x00400000 .. 0x00404fff)
;                    +--[3]--> L2 for Xen's slots (empty: Xen fills entries 428..511 when it validates it)
;
; Run: ./xenoscope run sample-guests/pv/xen-way.asm
;
; expect-output: build an address space the Xen way (PAE)
; expect-output-match: 1\. allocate: L3 mfn 0x[0-9a-f]{8}, L2 0x[0-9a-f]{8}, Xen's L2 0x[0-9a-f]{8}, L1 0x[0-9a-f]{8}, data 0x[0-9a-f]{8}
; expect-output: 2. fill: update_va_mapping(window page 0..4 -> new frame, RW): 0 0 0 0 0
; expect-output: 3. read-only: update_va_mapping(window page 0..3 -> table, read-only): 0 0 0 0
; expect-output: 4. mmuext_op(PIN_L3_TABLE): 0
; expect-output: 5. mmuext_op(NEW_BASEPTR new L3): 0
; expect-output: in the new address space, 0x00400000 reads: written into the data frame before the switch
; expect-output: 6. mmu_update(4 PTEs in one batch): 0, done 4
; expect-output: 0x00404000 reads: written into the data frame before the switch
; expect-output: 7. mmuext_op(NEW_BASEPTR old L3): 0
; expect-output: mmuext_op(UNPIN_TABLE new L3): 0
; expect-output: update_va_mapping(window page 0 -> our unpinned L3 frame, RW): 0 (no longer a page table)
; expect-exit: 0
; max-instructions: 200000

%include "pv.inc"

; ---- what pv.inc does not name (xen.h) ---------------------------------------------------------------------------
__HYPERVISOR_mmu_update     equ 1
__HYPERVISOR_mmuext_op      equ 26
MMUEXT_PIN_L3_TABLE         equ 2
MMUEXT_UNPIN_TABLE          equ 4
MMUEXT_NEW_BASEPTR          equ 5
DOMID_SELF                  equ 0x7FF0
SI_NR_PAGES                 equ 32      ; start_info.nr_pages
SI_PT_BASE                  equ 60      ; start_info.pt_base: virtual address of the builder's L3

RW          equ PTE_P | PTE_RW | PTE_A | PTE_D  ; a writable page
RO          equ PTE_P | PTE_A                   ; a read-only page
PDE         equ PTE_P | PTE_RW | PTE_US | PTE_A ; an L2 entry (RW here costs nothing: Xen counts at L1)
PDPTE       equ PTE_P                           ; a PAE L3 entry: only P, PWT, PCD may be set
NEW_VA      equ 0x00400000                      ; what our new L1 maps: L2 entry 2 = 4 MiB .. 6 MiB

; The new frames, in the order of window pages (and of the frames array).
F_L3        equ 0
F_L2        equ 1
F_L2X       equ 2
F_L1        equ 3
F_DATA      equ 4
NR_FRAMES   equ 5

section .text
global _start
_start:
    mov esp, stack_top
    mov [start_info], esi
    mov edx, msg_title
    call puts

    ; ---- 1. allocate: pfn nr_pages-1, nr_pages-2, ... are beyond the boot mapping; mfn = mfn_list[pfn] ----------
    mov ebx, [esi + SI_MFN_LIST]
    mov eax, [esi + SI_NR_PAGES]
    xor ecx, ecx
.alloc:
    dec eax
    mov edx, [ebx + eax * 4]
    mov [frames + ecx * 4], edx
    inc ecx
    cmp ecx, NR_FRAMES
    jb .alloc
    mov edx, msg_alloc
    call puts
    xor ecx, ecx
.print_frames:
    mov edx, [frame_names + ecx * 4]
    call puts
    mov eax, [frames + ecx * 4]
    call print_hex
    inc ecx
    cmp ecx, NR_FRAMES
    jb .print_frames
    mov edx, newline
    call puts

    ; ---- 2. fill: each frame writable at window page i, cleared, then its entries --------------------------------
    mov edx, msg_fill
    call puts
    xor edi, edi
.map_rw:
    mov ecx, RW
    call map_window                 ; window page EDI -> frames[EDI], writable
    call print_result
    push edi                        ; clear the page: a fresh frame may hold anything
    shl edi, 12
    add edi, window
    xor eax, eax
    mov ecx, 1024
    rep stosd
    pop edi
    inc edi
    cmp edi, NR_FRAMES
    jb .map_rw
    mov edx, newline
    call puts

    ; Entries are 64 bits (PAE); our machine frames are below 4 GiB, so the high dword stays 0.
    mov eax, [frames + F_L2 * 4]    ; L3[0] = L2, L3[3] = the L2 for Xen's slots
    shl eax, 12
    or eax, PDPTE
    mov [window + F_L3 * 4096 + 0 * 8], eax
    mov eax, [frames + F_L2X * 4]
    shl eax, 12
    or eax, PDPTE
    mov [window + F_L3 * 4096 + 3 * 8], eax

    mov esi, [start_info]           ; L2[0], L2[1] = the builder's L1s for 0 .. 4 MiB (read from its L2, which we
    mov esi, [esi + SI_PT_BASE]     ; can read: the builder maps all bootstrap tables read-only)
    mov eax, [esi]                  ; builder's L3[0]: its L2's machine frame
    shr eax, 12
    mov eax, [M2P + eax * 4]        ; machine -> pseudo-physical (the read-only M2P); va == pseudo-physical here
    shl eax, 12
    mov ecx, [eax]                  ; its L2[0]
    and ecx, ~0xFFF
    or ecx, PDE
    mov [window + F_L2 * 4096 + 0 * 8], ecx
    mov ecx, [eax + 8]              ; its L2[1]
    and ecx, ~0xFFF
    or ecx, PDE
    mov [window + F_L2 * 4096 + 1 * 8], ecx
    mov eax, [frames + F_L1 * 4]    ; L2[2] = our new L1
    shl eax, 12
    or eax, PDE
    mov [window + F_L2 * 4096 + 2 * 8], eax

    mov eax, [frames + F_DATA * 4]  ; L1[0] = the data frame, read-only (a read-only mapping needs no type)
    shl eax, 12
    or eax, RO
    mov [window + F_L1 * 4096 + 0 * 8], eax

    mov esi, msg_data               ; something to find in the new address space
    mov edi, window + F_DATA * 4096
    mov ecx, MSG_DATA_LEN
    rep movsb

    ; ---- 3. read-only: no writable mapping of the table frames may remain --------------------------------------
    mov edx, msg_ro
    call puts
    xor edi, edi
.map_ro:
    mov ecx, RO
    call map_window
    call print_result
    inc edi
    cmp edi, F_DATA
    jb .map_ro
    mov edx, newline
    call puts

    ; ---- 4. pin: Xen validates the whole tree, bottom up through the references -------------------------------
    mov ebx, MMUEXT_PIN_L3_TABLE
    mov ecx, [frames + F_L3 * 4]
    call mmuext
    mov edx, msg_pin
    call report

    ; ---- 5. switch: CR3 = our L3 ---------------------------------------------------------------------------------
    mov ebx, MMUEXT_NEW_BASEPTR
    mov ecx, [frames + F_L3 * 4]
    call mmuext
    mov edx, msg_switch
    call report
    mov edx, msg_read_new
    call puts
    mov edx, NEW_VA                 ; only our new L1 maps this address
    call puts

    ; ---- 6. update: L1[1..4] = the data frame, read-only, in one mmu_update -----------------------------------
    ;      mmu_update_t { u64 ptr; u64 val; }: ptr = machine address of the entry (low 2 bits: the command,
    ;      0 = MMU_NORMAL_PT_UPDATE), val = the new entry. Xen checks each request as it goes; a refused one
    ;      ends the batch with -EINVAL and *pdone = the number done before it.
    mov ebx, [frames + F_L1 * 4]
    shl ebx, 12
    mov ecx, [frames + F_DATA * 4]
    shl ecx, 12
    or ecx, RO
    xor eax, eax
.batch:
    lea edx, [ebx + 8 + eax * 8]    ; &L1[1 + i]
    mov edi, eax
    shl edi, 4
    mov [requests + edi], edx
    mov dword [requests + edi + 4], 0
    mov [requests + edi + 8], ecx
    mov dword [requests + edi + 12], 0
    inc eax
    cmp eax, 4
    jb .batch
    mov ebx, requests               ; mmu_update(req, count, pdone, foreigndom)
    mov ecx, 4
    mov edx, done
    mov esi, DOMID_SELF
    hypercall __HYPERVISOR_mmu_update
    mov edx, msg_batch
    call puts
    call print_dec
    mov edx, msg_done
    call puts
    mov eax, [done]
    call print_dec
    mov edx, newline
    call puts
    mov edx, msg_read_last
    call puts
    mov edx, NEW_VA + 4 * 4096      ; mapped by the batch's last request
    call puts

    ; ---- 7. back to the builder's L3, then unpin ours: Xen tears the tree down -------------------------------
    mov eax, [start_info]
    mov eax, [eax + SI_PT_BASE]
    shr eax, 12
    mov ebx, [start_info]
    mov ebx, [ebx + SI_MFN_LIST]
    mov ecx, [ebx + eax * 4]        ; the builder's L3: mfn_list[pt_base >> 12]
    mov ebx, MMUEXT_NEW_BASEPTR
    call mmuext
    mov edx, msg_back
    call report
    mov ebx, MMUEXT_UNPIN_TABLE
    mov ecx, [frames + F_L3 * 4]
    call mmuext
    mov edx, msg_unpin
    call report
    xor edi, edi                    ; the old L3 frame is data again: it may be mapped writable
    mov ecx, RW
    call map_window
    mov edx, msg_rw_again
    call puts
    call print_dec
    mov edx, msg_rw_again_end
    call puts
    jmp poweroff

; map_window: update_va_mapping(window page EDI -> frames[EDI] | flags ECX, UVMF_INVLPG). EAX = result.
map_window:
    push edi
    mov ebx, edi
    shl ebx, 12
    add ebx, window
    mov eax, [frames + edi * 4]
    shl eax, 12
    or ecx, eax                     ; pte_lo = mfn << 12 | flags
    xor edx, edx                    ; pte_hi = 0
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    pop edi
    ret

; mmuext: mmuext_op({cmd EBX, arg1 ECX}, 1, NULL, DOMID_SELF). EAX = result.
mmuext:
    mov [ext_op], ebx
    mov [ext_op + 4], ecx
    mov ebx, ext_op
    mov ecx, 1
    xor edx, edx
    mov esi, DOMID_SELF
    hypercall __HYPERVISOR_mmuext_op
    ret

; print_result: " " and EAX in decimal.
print_result:
    mov edx, space
    call puts
    jmp print_dec

; report: the string at EDX, EAX in decimal, a newline.
report:
    call puts
    call print_dec
    mov edx, newline
    jmp puts

    PV_LIBRARY

section .rodata
M2P             equ 0xF5800000      ; the read-only machine-to-phys table (PAE)
msg_title:      db "build an address space the Xen way (PAE)", 10, 0
msg_alloc:      db "1. allocate:", 0
name_l3:        db " L3 mfn ", 0
name_l2:        db ", L2 ", 0
name_l2x:       db ", Xen's L2 ", 0
name_l1:        db ", L1 ", 0
name_data:      db ", data ", 0
frame_names:    dd name_l3, name_l2, name_l2x, name_l1, name_data
msg_fill:       db "2. fill: update_va_mapping(window page 0..4 -> new frame, RW):", 0
msg_ro:         db "3. read-only: update_va_mapping(window page 0..3 -> table, read-only):", 0
msg_pin:        db "4. mmuext_op(PIN_L3_TABLE): ", 0
msg_switch:     db "5. mmuext_op(NEW_BASEPTR new L3): ", 0
msg_read_new:   db "in the new address space, 0x00400000 reads: ", 0
msg_batch:      db "6. mmu_update(4 PTEs in one batch): ", 0
msg_done:       db ", done ", 0
msg_read_last:  db "0x00404000 reads: ", 0
msg_back:       db "7. mmuext_op(NEW_BASEPTR old L3): ", 0
msg_unpin:      db "mmuext_op(UNPIN_TABLE new L3): ", 0
msg_rw_again:   db "update_va_mapping(window page 0 -> our unpinned L3 frame, RW): ", 0
msg_rw_again_end: db " (no longer a page table)", 10, 0
msg_data:       db "written into the data frame before the switch", 10, 0
MSG_DATA_LEN    equ $ - msg_data
space:          db " ", 0
newline:        db 10, 0

    PV_TAIL "yes"

section .bss
start_info:     resd 1
done:           resd 1
frames:         resd NR_FRAMES      ; the machine frames we allocated
ext_op:         resd 3              ; mmuext_op_t { u32 cmd; u32 arg1; u32 arg2; }
alignb 8
requests:       resq 8              ; 4 mmu_update_t
alignb 4096
window:         resb NR_FRAMES * 4096   ; the free virtual window: its own frames are simply left unmapped
