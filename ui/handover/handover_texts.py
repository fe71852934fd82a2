"""What hand-over mode says to the client: short, calm, plain words; nothing from the record."""

WELCOME_TITLE = "A few questions for you"
WELCOME_TEXT = (
    "Your therapist has asked you to answer some short questions about how you have been. "
    "There are no right or wrong answers.\n\n"
    "One question at a time. You can go back and change an answer. "
    "When you are done, you will see your answers once more before you finish."
)
START = "Start"
BACK = "Back"
NEXT = "Next"
TO_SUMMARY = "See my answers"
DONE = "Done"
SUMMARY_TITLE = "Your answers"
SUMMARY_TEXT = "Please check your answers. Select one to change it, or choose Done."
NOT_ANSWERED = "Not answered yet"
THANKS_TITLE = "Thank you"
THANKS_TEXT = (
    "Your answers are saved. Please hand the laptop back to your therapist.\n\n"
    "When you choose the button below, the screen locks; only your therapist can open it "
    "again."
)
HAND_BACK = "Hand back to my therapist"
SUPPORT_TITLE = "Thank you for telling us"
SUPPORT_TEXT = (
    "You said you have had thoughts that you would be better off dead, or of hurting "
    "yourself. Many people have such thoughts when they feel low, and it helps to talk "
    "about them.\n\nPlease talk with your therapist about this today. Your therapist will "
    "see your answer."
)
SUPPORT_CONTACTS = "If you need to talk to someone before then:"
SUPPORT_EMERGENCY = "If you are in danger right now, call your local emergency number."
SUPPORT_CONTINUE = "Continue"
