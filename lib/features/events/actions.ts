"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import {
  cancelEvent,
  createEvent,
  createInstitution,
  markEventHeld,
  postponeEvent,
  saveEventReport,
  setCheckInOpen,
  updateEvent,
} from "@/lib/features/events/mutations";
import { addAttendee, removeAttendee, setAttendanceCounts } from "@/lib/features/events/attendance";
import { deleteEventPhoto } from "@/lib/features/events/photos";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/features/events/calendar";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import {
  attendanceCountsSchema,
  attendeeSchema,
  cancelEventSchema,
  createEventSchema,
  eventIdSchema,
  eventReportSchema,
  institutionSchema,
  postponeEventSchema,
  removeAttendeeSchema,
  setCheckInOpenSchema,
  updateEventSchema,
} from "@/lib/features/events/schemas";
import { z } from "zod";

const refresh = (eventId?: string) => {
  revalidatePath("/portal/kegiatan");
  if (eventId) revalidatePath(`/portal/kegiatan/${eventId}`);
};

export const createEventAction = defineAction({
  schema: createEventSchema,
  permission: "create:event",
  handler: async (input, { user }) => {
    const event = await createEvent(user, input);
    refresh();
    return event;
  },
});

export const updateEventAction = defineAction({
  schema: updateEventSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const event = await updateEvent(user, input);
    refresh(event.id);
    return event;
  },
});

export const postponeEventAction = defineAction({
  schema: postponeEventSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const event = await postponeEvent(user, input);
    refresh(event.id);
    return event;
  },
});

export const cancelEventAction = defineAction({
  schema: cancelEventSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const event = await cancelEvent(user, input);
    refresh(event.id);
    return event;
  },
});

export const markEventHeldAction = defineAction({
  schema: eventIdSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const result = await markEventHeld(user, input);
    refresh(result.id);
    return result;
  },
});

export const saveEventReportAction = defineAction({
  schema: eventReportSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const result = await saveEventReport(user, input);
    refresh(result.id);
    return result;
  },
});

export const setCheckInOpenAction = defineAction({
  schema: setCheckInOpenSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const result = await setCheckInOpen(user, input);
    refresh(result.id);
    return result;
  },
});

export const createInstitutionAction = defineAction({
  schema: institutionSchema,
  permission: "create:event",
  handler: async (input, { user }) => {
    const result = await createInstitution(user, input);
    revalidatePath("/portal/kegiatan/baru");
    return result;
  },
});

export const addAttendeeAction = defineAction({
  schema: attendeeSchema,
  permission: "create:attendance",
  handler: async (input, { user }) => {
    const result = await addAttendee(user, input);
    refresh(input.eventId);
    return result;
  },
});

export const removeAttendeeAction = defineAction({
  schema: removeAttendeeSchema,
  permission: "delete:attendance",
  handler: async (input, { user }) => {
    const result = await removeAttendee(user, input);
    refresh(input.eventId);
    return result;
  },
});

export const setAttendanceCountsAction = defineAction({
  schema: attendanceCountsSchema,
  permission: "update:attendance",
  handler: async (input, { user }) => {
    const result = await setAttendanceCounts(user, input);
    refresh(input.eventId);
    return result;
  },
});

export const deleteEventPhotoAction = defineAction({
  schema: z.object({ eventId: z.uuid(), photoId: z.uuid() }),
  permission: "update:event",
  handler: async (input, { user }) => {
    const result = await deleteEventPhoto(user, input);
    refresh(input.eventId);
    return result;
  },
});

// ───────────────────────────── Calendar feed (ADR 0019b) ─────────────────────────────

/** A new private feed URL (the previous one stops working); shown once. */
export const createCalendarFeedAction = defineAction({
  schema: z.object({}),
  permission: "read:event",
  handler: async (_input, { user }) => {
    const { token, expiresAt } = await createCalendarFeed(user);
    return { url: `${publicBaseUrl()}/kalender/${token}.ics`, expiresAt: expiresAt.toISOString() };
  },
});

export const revokeCalendarFeedAction = defineAction({
  schema: z.object({}),
  permission: "read:event",
  handler: async (_input, { user }) => revokeCalendarFeed(user),
});
