# 纯文本模式（ai-race play --plain）：每月数据之间游戏说的话。
# 玩家输入的命令（help、list、save、quit 等）在各语言版本中保持不变，
# 这样为一个版本写的脚本也能在另一个版本中运行。

plain-welcome = AI 竞赛 · 纯文本模式。输入 help 查看命令；输入编号即可做出选择。
plain-line-too-long = 这一行超过了 { $max } 个字符，而一条命令只需几个词。输入 help 查看帮助。
plain-not-utf8 = 这一行不是 UTF-8 文本；请输入命令，或输入 help。
plain-goodbye = 再见。
plain-end-of-input = 输入结束。
plain-nothing-to-save = 没有需要保存的新进度。
plain-saving-off = 本局未开启存档。
plain-autosaved = 已自动保存到 { $path }。
plain-autosave-failed = 自动保存失败：{ $error }。
plain-game-over = 游戏已结束：输入“save 名称”保存本局，输入“quit”退出。
plain-replace-declined = 未保存：原有文件保持不变。换一个名称输入“save 名称”即可保存本局。
plain-replace-dropped = 未保存：原有文件保持不变。
plain-no-list = 当前没有可选的列表：请输入 list。
plain-no-choice = 没有第 { $n } 项：列表只有第 1 至第 { $count } 项。输入 list 重新查看。
plain-not-an-amount = “{ $typed }”不是有效的数额：请输入整数，例如“{ $example } 120”。
plain-too-many-words = 词太多了：请输入“{ $n }”或“{ $n } 数额”。
plain-not-an-answer = “{ $typed }”不是有效的回答：请先用选项编号回应当前事件（输入 list 查看选项）。
plain-no-such-choice = 本月没有“{ $typed }”这一选项（不在人才市场或技术目录中，或拼写有误）：输入 list 查看可用名称。
plain-unknown-command = 未知命令“{ $typed }”：输入 list 查看本月选项及其名称，或输入 help。
plain-no-suggestion = 现在没有建议：本月的周数已用完、有事件等你答复，或再做什么都不划算；输入 'end' 结束本月。
plain-no-suggestion-short = 现在没有建议：输入 'end' 结束本月。
plain-suggested = 建议：{ $what }。输入 d 照做（存档会记下这一步来自建议）。
plain-not-done = 未执行：{ $why }。
plain-done = 已完成：{ $headline }（还剩 { $weeks } 周，预算 { $budget }）。
plain-explain-no-choice = 最近的列表里没有第 { $n } 项；请先输入 list，再输入“explain 编号”。
plain-explain-what = 要解释什么？输入“explain 编号”解释对应选项，或在 explain 后加上以下之一：{ $names }。
plain-save-which = 要用什么名称保存？请输入“save 名称”，例如“save week 3”（文件名只保留英文字母和数字）。
plain-replace-ask = { $path } 已存在。要用本局替换它吗？输入 yes 替换，输入 no 保留原文件。
plain-saved = 已保存到 { $path }。
plain-not-saved = 游戏未保存：{ $error }。

## 帮助（help）：每条命令及其作用。说明可以分成几行；后续各行缩进到第一行之下。

plain-help-intro = 纯文本模式：每行输入一条命令；空行和以 # 开头的行会被忽略。
plain-help-cmd-number = N
plain-help-number =
    执行最近列表中的第 N 项（N PCT：按要价的 PCT% 开出薪酬；
    N K：建设数据中心或租用 K 千块 GPU 的算力）
plain-help-cmd-name = 名称 [数额]
plain-help-name =
    同上，但使用编号后显示的名称，例如 'adopt jax-xla'、
    'hire felix-xu 120'、'stage auto-eval'、'lease 40'、'answer 2'
plain-help-cmd-list = list, l
plain-help-list = 列出现在可做的选择（'list all' 还会列出已完成或正在使用的项目）
plain-help-cmd-state = state, s
plain-help-state = 查看当前局面：日期、CEO 周数、资金、士气、风险、董事会和竞赛形势
plain-help-cmd-explain-choice = explain N
plain-help-explain-choice = 第 N 项选择的利弊与相关数据
plain-help-cmd-explain-figure = explain 指标
plain-help-explain-figure =
    某项指标是怎样算出来的：budget（预算）、runway（资金还能撑几个月）、
    weeks（CEO 周数）、morale（士气）、risk（风险）、board（董事会）、
    progress（进度）、speed（研发速度）、deploy（部署耗时）、experiments（实验数）、
    talent（人才）、compute（算力）、legacy（遗留系统）、ecosystem（生态）
plain-help-cmd-suggest = suggest
plain-help-suggest = 查看游戏此刻建议的一步（“均衡”策略的下一步）
plain-help-cmd-do = d
plain-help-do = 照建议走这一步（存档会记下哪些步来自建议）
plain-help-cmd-end = end
plain-help-end = 结束本月，阅读月度报告
plain-help-cmd-save = save 名称
plain-help-save = 把本局保存到存档文件夹
plain-help-cmd-help = help, h
plain-help-help = 显示本帮助
plain-help-cmd-quit = quit, q
plain-help-quit = 自动保存并退出（输入结束时也会如此）

## 老师设置的暂停。

plain-paused = 老师在 { $date }（第 { $month } 个月）暂停了课堂。
plain-paused-how-file = 请等待老师。老师发布新版场景文件后，按回车键读取；也可以输入老师给你的口令，再按回车键。
plain-paused-how-code = 请等待老师，然后输入老师给你的口令，再按回车键。（如果老师发布了新的场景文件：先运行 ai-race load SAVE --scenario FILE，再运行 ai-race play --plain --load SAVE。）
plain-pause-need-code = 请输入老师给你的口令
plain-pause-file-unreadable = 无法读取场景文件
plain-pause-file-problem = 无法读取场景文件：{ $problem }
plain-pause-new-version = 已载入老师发布的新版场景。
plain-pause-code-accepted = 口令正确：第 { $month } 个月继续进行。
plain-pause-still-paused = 场景文件仍在第 { $month } 个月暂停课堂：请等待老师发布下一版，或输入老师的口令。
plain-pause-not-yet = 暂时还不行：{ $why }。

## 局面、选择列表、月度报告和结局。

plain-state-title = == { $scenario }：{ $date } ==
plain-race-heading = 竞赛形势（进度满 100 即达成；按各实验室近期速度推算到达时间）：
plain-race-estimate = { $progress }（区间 { $range }）
plain-race-row = { $rank }. { $lab }：{ $progress }，预计 { $eta } 达到 100
plain-race-row-you = { $rank }. { $lab }（你）：{ $progress }，预计 { $eta } 达到 100
plain-event = 突发事件：{ $title }
plain-answer-with = 请输入选项编号作答：
plain-choices-heading = 本月可做的选择（还剩 { $weeks } 周，预算 { $budget }）：
plain-not-listed = （未列出：{ $done } 项已完成、在用或进行中，{ $not_yet } 项尚未推出；输入 'list all' 可全部显示）
plain-report-title = == 月度报告：{ $month } ==
plain-report-race = 竞赛形势：
plain-report-decisions = 你的决策：{ $decisions }。
plain-report-changes = 本月变化及原因：
plain-report-news = 新闻：
plain-game-over-title = == 游戏结束 ==
plain-debrief-hint = 输入“save 名称”保存本局，然后运行“ai-race debrief 文件”即可查看完整复盘（竞赛全程走势、每项决策的价值，以及供课堂讨论的问题）。
