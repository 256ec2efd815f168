# Plain mode (ai-race play --plain): what the game says between the month's figures.
# The commands a player types (help, list, save, quit...) stay the same in every language,
# so a script written for one edition plays in the other.

plain-welcome = AI Race, plain mode. Type help for the commands; a number picks a choice.
plain-line-too-long = That line is longer than { $max } characters; a command is a few words. Type help.
plain-not-utf8 = That line is not UTF-8 text; type a command, or help.
plain-goodbye = Goodbye.
plain-end-of-input = End of input.
plain-nothing-to-save = Nothing new to save.
plain-saving-off = Saving is off in this session.
plain-autosaved = Autosaved to { $path }.
plain-autosave-failed = The autosave failed: { $error }.
plain-game-over = The game is over: 'save NAME' keeps it, 'quit' leaves.
plain-replace-declined = Not saved: the other file stays as it was. 'save NAME' with another name keeps this game.
plain-replace-dropped = Not saved: the other file stays as it was.
plain-no-list = There is no list to pick from: type list.
plain-no-choice = There is no choice { $n }: the list has 1 to { $count }. Type list to see it again.
plain-not-an-amount = '{ $typed }' is not an amount: give a whole number, like '{ $example } 120'.
plain-too-many-words = Too many words: type '{ $n }' or '{ $n } AMOUNT'.
plain-not-an-answer = '{ $typed }' is not an answer: answer the event first with its option's number (type list to see them).
plain-no-such-choice = No choice '{ $typed }' this month (not in the market, not in the catalogue, or misspelt): type list for the names.
plain-unknown-command = Unknown command '{ $typed }': type list for the choices and their names, or help.
plain-no-suggestion = No suggestion now: the weeks are spent, an event waits for your answer, or nothing more pays; 'end' ends the month.
plain-no-suggestion-short = No suggestion now: 'end' ends the month.
plain-suggested = Suggested: { $what }. Type d to do it (the save notes it as suggested).
plain-not-done = Not done: { $why }.
plain-done = Done: { $headline } ({ $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    } left, budget { $budget }).
plain-explain-no-choice = There is no choice { $n } in the latest list; type list, then explain N.
plain-explain-what = Explain what? Type 'explain N' for choice N, or 'explain' and one of: { $names }.
plain-save-which = Save under which name? Type 'save NAME', like 'save week 3'.
plain-replace-ask = { $path } exists. Replace it with this game? Type yes to replace it, no to keep it.
plain-saved = Saved to { $path }.
plain-not-saved = The game was not saved: { $error }.

## The help (`help`): each command and what it does. A description may run over several
## lines; each further line is indented under the first.

plain-help-intro = Plain mode: one command a line; blank lines and lines starting with # are ignored.
plain-help-cmd-number = N
plain-help-number =
    do choice N of the latest list (N PCT: an offer at PCT% of the ask;
    N K: a data centre or lease of K thousand GPUs)
plain-help-cmd-name = NAME [AMOUNT]
plain-help-name =
    the same by the name shown after its number, e.g. 'adopt jax-xla',
    'hire felix-xu 120', 'stage auto-eval', 'lease 40', 'answer 2'
plain-help-cmd-list = list, l
plain-help-list = the choices now ('list all' also shows those done or in use)
plain-help-cmd-state = state, s
plain-help-state = the state: date, weeks, money, morale, risk, board, the race
plain-help-cmd-explain-choice = explain N
plain-help-explain-choice = the pros, cons and figures of choice N
plain-help-cmd-explain-figure = explain FIGURE
plain-help-explain-figure =
    how a figure is made up: budget, runway, weeks, morale, risk, board,
    progress, speed, deploy, experiments, talent, compute, legacy, ecosystem
plain-help-cmd-suggest = suggest
plain-help-suggest = the move the game suggests now (the balanced strategy's next move)
plain-help-cmd-do = d
plain-help-do = do the suggested move (the save notes which moves were suggested)
plain-help-cmd-end = end
plain-help-end = end the month and read its report
plain-help-cmd-save = save NAME
plain-help-save = save the game in the saves folder
plain-help-cmd-help = help, h
plain-help-help = this help
plain-help-cmd-quit = quit, q
plain-help-quit = autosave and leave (end of input does the same)

## The teacher's pauses.

plain-paused = Your teacher paused the class at { $date } (month { $month }).
plain-paused-how-file = Wait for your teacher. When they publish the next version of the scenario file, press Enter to read it; or type the code they give you and press Enter.
plain-paused-how-code = Wait for your teacher, then type the code they give you and press Enter. (With the teacher's new scenario file: ai-race play --plain --load SAVE after ai-race load SAVE --scenario FILE.)
plain-pause-need-code = type the code your teacher gives you
plain-pause-file-unreadable = the scenario file cannot be read
plain-pause-file-problem = the scenario file cannot be read: { $problem }
plain-pause-new-version = Your teacher's new version of the scenario is in.
plain-pause-code-accepted = Code accepted: month { $month } goes on.
plain-pause-still-paused = The scenario file still pauses the class at month { $month }: wait for the teacher's next version, or type their code.
plain-pause-not-yet = Not yet: { $why }.

## The state, the list of choices, the month report and the ending.

plain-state-title = == { $scenario }: { $date } ==
plain-race-heading = race (progress to 100, when each lab gets there at its recent pace):
plain-race-estimate = { $progress } (range { $range })
plain-race-row = { $rank }. { $lab }: { $progress }, 100 by { $eta }
plain-race-row-you = { $rank }. { $lab } (you): { $progress }, 100 by { $eta }
plain-event = EVENT: { $title }
plain-answer-with = Answer with the option's number:
plain-choices-heading = Choices ({ $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    } left, budget { $budget }):
plain-not-listed = (not listed: { $done } done, in use or under way, { $not_yet } not out yet; 'list all' shows them)
plain-report-title = == Month report: { $month } ==
plain-report-race = The race:
plain-report-decisions = Your decisions: { $decisions }.
plain-report-changes = What changed and why:
plain-report-news = News:
plain-game-over-title = == The game is over ==
plain-debrief-hint = Save the game with 'save NAME', then 'ai-race debrief FILE' prints the full debrief (the race over time, what each lever was worth, questions to discuss).
