{#
    Helpers for the classification codes (支出功能分类 and 经济分类).
    A code's level follows from its length; its parent is the code one level up.
#}

{# 'class' (类) / 'section' (款) / 'item' (项) from a 3/5/7-digit code, else NULL. #}
{% macro code_level(code) -%}
    case length({{ code }})
        when 3 then 'class'
        when 5 then 'section'
        when 7 then 'item'
    end
{%- endmacro %}

{# The code one level up: 2060101 -> 20601 -> 206 -> NULL. #}
{% macro parent_code(code) -%}
    case length({{ code }})
        when 5 then left({{ code }}, 3)
        when 7 then left({{ code }}, 5)
    end
{%- endmacro %}

{# True when the value is a classification code (digits only). #}
{% macro is_classification_code(value) -%}
    regexp_full_match({{ value }}, '[0-9]+')
{%- endmacro %}

{#
    Strip a leading copy of the code from a printed name, so that
    '2060101 行政运行' and '行政运行' both give '行政运行'.
#}
{% macro printed_subject_name(label, code) -%}
    nullif(trim(regexp_replace({{ label }}, '^\s*' || {{ code }} || '[\s.:：、-]*', '')), '')
{%- endmacro %}

{#
    A department name as printed, made comparable: the CJK Radicals look-alikes
    that some PDFs print instead of ideographs mapped to the ideographs (the
    Kangxi Radicals block as NFKC maps it, ⼯ → 工; the CJK Radicals Supplement
    as pipelines/extraction/text.py maps it, ⻔ U+2ED4 → 门, ⻋ U+2ECB → 车;
    NFKC does not fix the latter), full-width brackets made ASCII, whitespace
    removed and a leading '部门：' / '单位：' / '预算主管部门：' dropped.
#}
{% macro normalise_department_name(name) -%}
    nullif(
        regexp_replace(
            regexp_replace(
                translate(
                    {{ name }},
                    '⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕⺄⺆⺈⺋⺌⺗⺠⺣⺫⺲⺻⻄⻅⻆⻈⻉⻋⻏⻐⻔⻕⻘⻛⻜⻝⻠⻢⻣⻤⻥⻦⻨⻪⻫⻭⻯⻰⻲⻳⻓⻑⺟（）　',
                    '一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠乙冂刀㔾小心民灬目罒聿西见角讠贝车阝钅门阝青风飞食饣马骨鬼鱼鸟麦黾斉歯竜龙亀龟长長母() '
                ),
                '\s+', '', 'g'
            ),
            '^(部门|单位|预算主管部门|主管部门)[:：]', ''
        ),
        ''
    )
{%- endmacro %}

{#
    The key that decides which printed names are one department, on top of the
    department_aliases seed: the normalised name without a leading '中共' (a
    Party organ prints its name with or without it: 中共江苏省委办公厅 /
    江苏省委办公厅). Variants that share this key are one department_id.
#}
{% macro department_match_key(normalised_name) -%}
    nullif(regexp_replace({{ normalised_name }}, '^中共', ''), '')
{%- endmacro %}
