"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/features/notifications/mutations";
import { notificationIdSchema } from "@/lib/features/notifications/schemas";
import { defineAction } from "@/lib/server/action";

// The list and the shell's unread count are read per request, nothing is cached on the server:
// refresh() re-renders the page the person is on (count included), and revalidates nothing.
export const markNotificationReadAction = defineAction({
  schema: notificationIdSchema,
  // everyone signed in has an inbox; the mutation only ever touches the user's own notifications
  permission: "signed-in",
  handler: async (input, { user }) => {
    await markNotificationRead(user, input);
    refresh();
  },
});

export const markAllNotificationsReadAction = defineAction({
  schema: z.object({}),
  permission: "signed-in",
  handler: async (_input, { user }) => {
    const count = await markAllNotificationsRead(user);
    refresh();
    return { count };
  },
});
