"""Messages of saving safely and of the browser version's access checks (issue 11)."""

from __future__ import annotations

from assess.texts.catalog import text

SAVE_FAILED_TITLE = text(
    "safety.save_failed_title",
    "保存失败：修改还没有写入文件",
    "Saving failed: your changes are not in the file yet",
)
SAVE_FAILED_BODY = text(
    "safety.save_failed_body",
    "修改仍保留在本窗口中。可以重试（例如腾出磁盘空间后），或另存到别的位置；"
    "只有选择“放弃修改并退出”才会丢弃它们。",
    "Your changes are still kept in this window. Retry (for example after freeing disk "
    "space) or save them elsewhere; they are only thrown away if you choose "
    "“discard changes and quit”.",
)
SAVE_FAILED_TOAST = text(
    "safety.save_failed_toast",
    "{error}\n修改仍在本窗口中；按 ctrl+s 重试，退出时会询问如何处理。",
    "{error}\nYour changes are still in this window; press ctrl+s to retry; quitting will ask "
    "what to do with them.",
)
RETRY = text("safety.retry", "重试保存", "Retry saving")
SAVE_ELSEWHERE = text("safety.save_elsewhere", "另存为…", "Save elsewhere…")
DISCARD_QUIT = text("safety.discard_quit", "放弃修改并退出", "Discard changes and quit")
BACK = text("safety.back", "返回继续编辑", "Back to editing")
SAVE_ELSEWHERE_PROMPT = text(
    "safety.save_elsewhere_prompt",
    "把当前内容另存为（新文件）：",
    "Save the current content as (a new file):",
)
SAVED_ELSEWHERE = text(
    "safety.saved_elsewhere",
    "当前内容已另存为：{path}",
    "The current content was saved as: {path}",
)
EXISTS = text(
    "safety.exists",
    "{path}：文件已存在，未覆盖；请换一个文件名",
    "{path}: the file exists and was not overwritten; choose another name",
)

CONFLICT_TITLE = text(
    "safety.conflict_title",
    "文件已被其他程序改动",
    "The file was changed by another program",
)
CONFLICT_BODY = text(
    "safety.conflict_body",
    "打开 {path} 之后，另一个程序（同步盘、恢复的 .bak、同事的副本……）改写了它。"
    "自动保存已暂停，两边的版本都还在。请选择：",
    "Since {path} was opened, another program (a sync client, a restored .bak, a colleague’s "
    "copy…) wrote to it. Autosave is paused and both versions are still there. Choose:",
)
RELOAD_THEIRS = text(
    "safety.reload_theirs",
    "载入磁盘上的版本（我的版本另存为副本）",
    "Load the version on disk (mine saved as a copy)",
)
OVERWRITE_MINE = text(
    "safety.overwrite_mine",
    "用我的版本覆盖（磁盘上的版本另存为副本）",
    "Overwrite with mine (the disk version saved as a copy)",
)
KEEP_BOTH_LATER = text(
    "safety.decide_later",
    "稍后决定（暂停自动保存）",
    "Decide later (autosave stays paused)",
)
CONFLICT_PAUSED = text(
    "safety.conflict_paused",
    "文件已被其他程序改动，自动保存已暂停；按 ctrl+s 选择如何处理。",
    "The file was changed by another program; autosave is paused; press ctrl+s to choose.",
)
RELOADED = text(
    "safety.reloaded",
    "已载入磁盘上的版本；我的版本已另存为：{copy}",
    "Loaded the version on disk; mine was saved as: {copy}",
)
OVERWRITTEN = text(
    "safety.overwritten",
    "已用我的版本保存；磁盘上原来的版本已另存为：{copy}",
    "Saved my version; the version that was on disk was saved as: {copy}",
)
# the terminal window was closed (SIGHUP) or the system stopped assess (SIGTERM): nobody is
# there to ask, so the edits are saved, or kept in a copy, and this is left in the terminal
CLOSED_SAVED = text(
    "safety.closed_saved",
    "终端已关闭或程序被终止：修改已先保存到 {path}",
    "The terminal was closed or assess was stopped: your changes were saved first to {path}",
)
CLOSED_KEPT_COPY = text(
    "safety.closed_kept_copy",
    "终端已关闭或程序被终止，修改未能写入 {path}（{error}）；修改已另存为：{copy}",
    "The terminal was closed or assess was stopped and your changes could not be written to "
    "{path} ({error}); they were saved as: {copy}",
)
CLOSED_NOT_KEPT = text(
    "safety.closed_not_kept",
    "终端已关闭或程序被终止，修改未能写入 {path}，也无法另存副本：{error}",
    "The terminal was closed or assess was stopped and your changes could not be written to "
    "{path}, nor saved as a copy: {error}",
)
COPY_TAG_MINE = text("safety.copy_tag_mine", "我的版本", "mine")
COPY_TAG_THEIRS = text("safety.copy_tag_theirs", "磁盘版本", "on-disk")

OUTSIDE_FOLDER = text(
    "safety.outside_folder",
    "{path}：网页版只能打开评估文件所在文件夹 {folder} 中的文件",
    "{path}: the browser version can only open files in the assessment's folder {folder}",
)

# assess serve: why the server refused a request (the browser's 403 page; both languages, as
# the browser's language is not known)
SERVE_HOST_REFUSED = text(
    "serve.host_refused", "本服务不接受主机名 {host}", "host {host} not served"
)
SERVE_NO_ORIGIN = text(
    "serve.no_origin",
    "不接受没有 Origin 头的 websocket 连接",
    "a websocket without an Origin header is not accepted",
)
SERVE_ORIGIN_REFUSED = text(
    "serve.origin_refused", "不接受来自 {origin} 的页面", "origin {origin} not allowed"
)
SERVE_NO_TOKEN = text(
    "serve.no_token",
    "地址中缺少本服务的口令（token）：请使用启动服务的终端里显示的完整地址",
    "the address must carry this server's token (see the console that started it)",
)

# a file whose folder cannot be written (no lock file can be made there): opened to be read
VIEW_ONLY_MARK = text("safety.view_only_mark", "只读", "read-only")
VIEW_ONLY_NOTICE = text(
    "safety.view_only",
    "文件所在的文件夹不可写，只读打开：可以查看，不能修改；如需修改，请把文件复制到可写的文件夹再打开",
    "The file's folder cannot be written, so it is opened read-only: you can look, not change; "
    "to change it, copy it to a folder you can write and open that copy",
)
